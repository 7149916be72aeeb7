/** A file imported as its text (wrangler's Text rule for *.txt): the Worker's prebuilt engine data. */
declare module '*.txt' {
  const text: string;
  export default text;
}
