/** esbuild imports stylesheets as text (loader "text") so the widget can adopt them in its shadow root. */
declare module '*.css' {
  const css: string;
  export default css;
}
