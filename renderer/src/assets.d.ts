// Vite's `?url` imports: the bundled file's address, served by the app itself (CSP 'self').
declare module '*?url' {
  const url: string;
  export default url;
}
