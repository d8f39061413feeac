// Safe City Atlas plotly.js bundle: only the traces the site draws (choropleth, scattergeo, bar).
var Plotly = require('plotly.js/lib/core');
Plotly.register([require('plotly.js/lib/choropleth'), require('plotly.js/lib/scattergeo'), require('plotly.js/lib/bar')]);
module.exports = Plotly;
