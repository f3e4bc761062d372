// Reading XML the tests produce (JUnit reports) with a real parser: Python's standard xml.etree (python3 is installed
// by .ci/run), which rejects a document that is not well-formed. Node has no XML parser of its own.
import { spawnSync } from 'node:child_process';

export interface XmlElement {
  tag: string;
  attrs: Record<string, string>;
  /** the text directly inside, before the first child */
  text: string;
  children: XmlElement[];
}

const PARSE = `
import json, sys, xml.etree.ElementTree as ET
def node(e):
    return {"tag": e.tag, "attrs": dict(e.attrib), "text": e.text or "", "children": [node(c) for c in e]}
try:
    root = ET.fromstring(sys.stdin.buffer.read())
except ET.ParseError as err:
    print(json.dumps({"error": str(err)}))
else:
    print(json.dumps({"root": node(root)}))
`;

/** The document's root element; throws with the parser's message when `xml` is not well-formed. */
export function parseXml(xml: string): XmlElement {
  const r = spawnSync('python3', ['-c', PARSE], { input: Buffer.from(xml, 'utf8'), encoding: 'utf8', timeout: 20_000 });
  if (r.status !== 0) throw new Error(`python3 could not run: ${r.error?.message ?? r.stderr}`);
  const out = JSON.parse(r.stdout) as { root?: XmlElement; error?: string };
  if (out.error !== undefined) throw new Error(`not well-formed XML: ${out.error}`);
  return out.root!;
}
