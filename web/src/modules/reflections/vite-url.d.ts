/** Vite's `?url` imports give the URL of the emitted asset (used for the PDF.js worker). */
declare module '*?url' {
  const url: string;
  export default url;
}
