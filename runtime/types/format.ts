// Type descriptors as text, in the typed-Lua syntax they were written in: the `expected T` of validation errors,
// `tostring(T)`, and the canonical form `==` compares.
import { numberToString } from '../core/number-format.js';
import type { LiteralValue, TypeDesc, ValidatorDesc } from '../../abi/index.js';

function literalText(v: LiteralValue): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return numberToString(v);
  return String(v);
}

function validatorsText(vs: ValidatorDesc[] | undefined): string {
  if (vs === undefined) return '';
  let out = '';
  for (const v of vs) out += ` @${v.name}` + (v.args.length > 0 ? `(${v.args.map(literalText).join(', ')})` : '');
  return out;
}

/** `rename` maps type-parameter names to their text (generic instances). */
export function typeText(d: TypeDesc, rename?: (name: string) => string | undefined): string {
  const t = (x: TypeDesc): string => typeText(x, rename);
  let s: string;
  switch (d.kind) {
    case 'name':
      s = rename?.(d.name) ?? d.name;
      break;
    case 'literal':
      s = literalText(d.value);
      break;
    case 'optional':
      s = `${t(d.inner)}?`;
      break;
    case 'union':
      s = d.types.map(t).join(' | ');
      break;
    case 'intersection':
      s = d.types.map(t).join(' & ');
      break;
    case 'array':
      s = `${d.readonly ? 'readonly ' : ''}{${t(d.elem)}}`;
      break;
    case 'map':
      s = `${d.readonly ? 'readonly ' : ''}{[${t(d.key)}]: ${t(d.value)}}`;
      break;
    case 'record':
      s = `${d.readonly ? 'readonly ' : ''}{${d.fields
        .map((f) => `${f.name}${f.optional ? '?' : ''}: ${t(f.type)}${validatorsText(f.validators)}`)
        .join(', ')}}`;
      break;
    case 'function': {
      const ps = d.params.map((p) => (p.name === '...' ? `...${t(p.type)}` : p.name ? `${p.name}: ${t(p.type)}` : t(p.type)));
      const rs = d.returns ?? [];
      s = `(${ps.join(', ')}) -> ${rs.length === 1 ? t(rs[0]!) : `(${rs.map(t).join(', ')})`}`;
      break;
    }
    case 'generic':
      s = `${rename?.(d.name) ?? d.name}<${d.args.map(t).join(', ')}>`;
      break;
    case 'typeof':
      s = `typeof(${d.expr})`;
      break;
    case 'keyof':
      s = `keyof(${t(d.inner)})`;
      break;
    case 'conditional':
      s = `${t(d.check)} extends ${t(d.extends)} ? ${t(d.then)} : ${t(d.else)}`;
      break;
    case 'index':
      s = `${t(d.object)}[${t(d.index)}]`;
      break;
    case 'asserts':
      s = d.type === undefined ? `asserts ${d.param}` : `asserts ${d.param} is ${t(d.type)}`;
      break;
    case 'tuple':
      s = `(${d.items.map(t).join(', ')})`;
      break;
  }
  return s + validatorsText(d.validators);
}
