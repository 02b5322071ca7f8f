/**
 * DATA-06's pre-filter as the scan used it before its first look by character codes (detect.ts
 * `legacyLook`, DECISIONS 99), kept as the definition that first look is compared with.
 *
 * What the scan for legacy text looks at: text that is not plain ASCII and holds no letter that no single
 * byte shows (ă, ơ, đ, ễ …: Latin Extended letters other than cp1252's own Œ, Š, Ÿ, ƒ …). Both decoders
 * give up on such a letter, so text typed in Unicode Vietnamese — nearly every name of a roll — is
 * passed over without decoding it.
 */
export function mayBeLegacy(text: string): boolean {
  // Two scans the regular-expression engine makes at native speed, instead of a loop over every character.
  return NOT_ASCII.test(text) && !NO_SINGLE_BYTE.test(text);
}

const NOT_ASCII = /[^\x00-\x7f]/;
/** Latin Extended and Vietnamese letters that no Windows-1252 byte shows (all but Œ œ Š š Ÿ Ž ž ƒ). */
const NO_SINGLE_BYTE = /[\u0100-\u0151\u0154-\u015f\u0162-\u0177\u0179-\u017c\u017f-\u0191\u0193-\u024f\u1e00-\u1eff]/;
