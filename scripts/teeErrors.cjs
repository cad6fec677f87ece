// Preloaded into Electron's installer by electronDownload.mjs: what it writes with console.error
// still goes to the terminal, and a copy goes to fd 3 so `npm start` can name the reason.
const { writeSync } = require('node:fs');
const { format } = require('node:util');
const original = console.error;
console.error = (...args) => {
  try {
    writeSync(3, `${format(...args)}\n`);
  } catch {
    // no fd 3: run on its own
  }
  original(...args);
};
