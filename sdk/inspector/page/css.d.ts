// esbuild bundles the page's stylesheet from main.tsx's import into dist/inspector/app.css.
declare module '*.css';
