"""Layout fragments shared by the pages: graphs, links, header and footer, record lists."""
