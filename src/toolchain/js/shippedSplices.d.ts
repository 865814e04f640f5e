// The manifest of the splices shipped with the site, made by scripts/shippedSplicesPlugin.mjs
// (empty outside `vite build`).
declare module 'virtual:wcp-shipped-splices' {
  const manifest: ReadonlyArray<import('./fetchShippedSplice').ShippedSpliceEntry>;
  export default manifest;
}
