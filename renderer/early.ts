// A second, tiny entry that index.html loads before the main bundle: the current view's calls
// leave while React and the views still download and compile. main.tsx imports the same module,
// so without this entry (or where it loads late) the calls still start exactly once.
import './prefetchRoute.js';
