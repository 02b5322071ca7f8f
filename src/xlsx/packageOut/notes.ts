/**
 * Cell notes as Excel keeps them: a comments part (the text) and a legacy VML drawing (the yellow box,
 * hidden until the cell is pointed at), as ExcelJS writes them for `cell.note`.
 */
import { columnLetter } from '../../core/grid';
import { escapeAttr, escapeText } from '../package/xml';

export interface Note {
  /** 0-based. */
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

export const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
export const VML_TYPE = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The runs of a note's text (one run, as ExcelJS writes a plain note). */
export function commentXml(note: Note, authorId: number, prefix = ''): string {
  const n = (local: string): string => (prefix ? `${prefix}:${local}` : local);
  const space = /^\s|\s$|\n/.test(note.text) ? ' xml:space="preserve"' : '';
  return `<${n('comment')} ref="${columnLetter(note.col)}${note.row + 1}" authorId="${authorId}"><${n('text')}><${n('r')}><${n('t')}${space}>${escapeText(note.text)}</${n('t')}></${n('r')}></${n('text')}></${n('comment')}>`;
}

export function commentsPart(notes: readonly Note[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors><author>Author</author></authors><commentList>` +
    notes.map((n) => commentXml(n, 0)).join('') +
    '</commentList></comments>'
  );
}

/** One note's box: where ExcelJS puts it (right of the cell, a little above), hidden. */
export function vmlShape(note: Note, id: number): string {
  const col = note.col + 1;
  const top = Math.max(note.row + 1 - 2, 0);
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute; margin-left:105.3pt;margin-top:10.5pt;width:97.8pt;height:59.1pt;z-index:1;visibility:hidden" fillcolor="infoBackground [80]" strokecolor="none [81]" o:insetmode="auto">` +
    '<v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto" inset="1.3mm,1.3mm,2.5mm,2.5mm"><div style="text-align:left"/></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col}, 6, ${top}, 14, ${col + 2}, 2, ${top + 4}, 16</x:Anchor>` +
    `<x:Locked>True</x:Locked><x:AutoFill>False</x:AutoFill><x:LockText>True</x:LockText><x:Row>${note.row}</x:Row><x:Column>${note.col}</x:Column></x:ClientData>` +
    '</v:shape>'
  );
}

export const VML_SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** A new VML drawing of the notes; `block` numbers its shapes (1024 per block) apart from other sheets'. */
export function vmlPart(notes: readonly Note[], block: number): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${escapeAttr(String(block))}"/></o:shapelayout>${VML_SHAPETYPE}` +
    notes.map((n, i) => vmlShape(n, block * 1024 + 1 + i)).join('') +
    '</xml>'
  );
}
