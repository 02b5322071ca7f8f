/**
 * What the package editor does not handle, declared: the command line then writes the checked copy
 * through ExcelJS's model instead (the fallback), and says why. Never thrown for an input that is
 * merely unusual but legal and handled (namespace prefixes, other part names, missing styles).
 */
export class PackageEditUnsupported extends Error {}
