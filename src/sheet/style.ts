/**
 * The one inline style sheet of the contact sheet and the previews. No
 * external resources (fonts, images): the pages work from file:// and
 * offline. Text colours keep a contrast of at least 4.5:1 on their
 * backgrounds (axe checks it in test/sheet/).
 */
import { colours } from "../../layouts/shared/tokens.ts";

const ink = colours.ink.rgb; // 17:1 on white
const muted = colours.muted.rgb; // 8.9:1 on white
const accent = colours.accent.rgb; // 7.5:1 on white
const link = colours.link.rgb; // 8.3:1 on white
const soft = colours.accentSoft.rgb;
const error = "#a4161a"; // 7.6:1 on white, 6.7:1 on errorSoft
const errorSoft = "#fdeeee";
const ok = "#1c6b2e"; // 6.6:1 on white
const warn = "#7a4a00"; // 7.9:1 on white

export const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:${ink};background:#fff}
a{color:${link}}
a:focus-visible{outline:3px solid ${accent};outline-offset:2px}
code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:.9em}
.top{background:${soft};border-bottom:1px solid #c9dfe2;padding:1.25rem 1.5rem}
.top h1{margin:0 0 .25rem;font-size:1.75rem;line-height:1.2}
.top p{margin:.25rem 0;color:${muted}}
.failures{margin:.5rem 0 0;padding-left:1.25rem;color:${error}}
.failures a{color:${error};font-weight:600}
main{padding:1rem 1.5rem 3rem}
.release{margin:1.5rem 0 2.5rem}
.release>h2{margin:0;font-size:1.4rem;line-height:1.25}
.meta{margin:.25rem 0 1rem;color:${muted}}
.lang{margin:0 0 1.5rem}
.lang>h3{margin:0 0 .5rem;font-size:1.1rem;color:${accent}}
.lang>h3 .tag,.col>h3 .tag{font-weight:400;color:${muted}}
.lang .title{margin:-.25rem 0 .75rem;color:${muted}}
.cards{list-style:none;margin:0;padding:0;display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,24rem),1fr))}
.card{border:1px solid #c8c8c8;border-radius:6px;padding:.75rem;display:grid;grid-template-columns:180px minmax(0,1fr);column-gap:1rem;align-content:start;min-width:0}
.card>*{grid-column:2;margin:0 0 .4rem}
.card>.thumb,.card>.nopdf{grid-column:1;grid-row:1/span 8;margin:0}
.card h4{font-size:1rem}
.card.failed{grid-column:1/-1;border:2px solid ${error};background:${errorSoft}}
.thumb{display:block;align-self:start;line-height:0}
.thumb img,.pages img{border:1px solid #9a9a9a;background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.18)}
.thumb img{width:180px;height:auto}
.file{overflow-wrap:anywhere}
.nopdf{width:180px;height:120px;display:flex;align-items:center;justify-content:center;border:1px dashed ${muted};color:${muted};background:#fff}
.status{font-weight:600}
.status-ok{color:${ok}}
.status-warn{color:${warn}}
.status-failed{color:${error};font-size:1.05rem}
.diags{margin:.25rem 0 0;padding:0;list-style:none;display:grid;gap:.4rem}
.diag{padding:.4rem .6rem;border-left:4px solid ${warn};background:#fff;overflow-wrap:anywhere;font-size:.9rem}
.diag-error{border-left-color:${error}}
.diag .where{font-weight:600}
.diag-error .sev{color:${error}}
.diag-warning .sev{color:${warn}}
.hint{color:${muted}}
.back{margin:0 0 .5rem}
.edition{margin:1.5rem 0 2.5rem}
.edition>h2{margin:0 0 .75rem;font-size:1.4rem}
.columns{display:grid;column-gap:1.5rem;row-gap:0;grid-template-columns:repeat(var(--cols,1),minmax(18rem,1fr));overflow-x:auto}
.col{min-width:0;grid-row:span 3;display:grid;grid-template-rows:subgrid;row-gap:.5rem;align-content:start}
.col>h3{margin:0;font-size:1.1rem;color:${accent}}
.info>*{margin:0 0 .25rem}
.pages{list-style:none;margin:0;padding:0;display:grid;gap:1rem}
.pages img{display:block;width:100%;height:auto;max-width:827px}
.empty{color:${muted};font-style:italic}
.vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
`.trim();
