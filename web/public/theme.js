// The saved theme, applied before the first paint (a classic script, not a module, so it runs at once;
// a file rather than inline so that the Content-Security-Policy allows scripts from 'self' only).
try { var t = localStorage.getItem('oc-theme'); if (t) document.documentElement.dataset.theme = t; } catch (e) {}
