/** `import shell from './room.bake.ts?bake'`: the baked shell of a BakeSpec (src/build/bake-plugin.ts). */
declare module '*?bake' {
  const shell: import('../core/bake-spec.ts').BakedShell
  export default shell
}
