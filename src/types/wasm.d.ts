/** WebAssembly imported as a module (wrangler's CompiledWasm rule for *.wasm). */
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}
