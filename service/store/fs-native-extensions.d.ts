/** The part of fs-native-extensions (prebuilt, no types of its own) the data-folder lock uses. */
declare module "fs-native-extensions" {
  /** An exclusive (or shared) lock on the whole file; false when another holder has it. */
  export function tryLock(fd: number, opts?: { shared?: boolean }): boolean;
  const fsx: { tryLock: typeof tryLock };
  export default fsx;
}
