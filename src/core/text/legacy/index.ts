/** Legacy Vietnamese encodings (TCVN3/ABC, VNI-Windows): reading, finding and converting them (DATA-06). */
export { byteOf, isAscii, isSingleByteText } from './bytes';
export { decodeTcvn3, encodeTcvn3 } from './tcvn3';
export { decodeVni, encodeVni } from './vni';
export { isVietnameseSyllable } from './syllable';
export { decodeLegacy, findLegacyCells, legacyFont, readLegacyText, type Evidence, type LegacyCell, type LegacyEncoding, type LegacyFont, type LegacyReading } from './detect';
export { convertModel, encodingName, findLegacyText, type LegacyFinding } from './convert';
