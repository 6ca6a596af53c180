import type { GadgetDef } from '@onnx-zk/zk-accelerator-components';
import { isPointerKind } from '../abi';
import { sanitize } from '../names';
import { cString } from './ir-text';
import { runtimeBodies } from './index';
import { supportIr } from './support.ll';

/**
 * The runtime module's IR text: the shared helpers plus, for each gadget used, its definition:
 *
 *   define void @zk.<g>(<i64 or i64*> %<abi name>, ...) {     ; header from the abi
 *   prologue:
 *     %gadget = getelementptr ... @onnx_zk.name.<g> ...      ; for bounds messages
 *     br label %entry
 *   entry:
 *     <body from src/runtime/<g>.ll.ts>
 *   }
 */
export function runtimeModuleText(used: GadgetDef[]): string {
  return [supportIr, ...used.map(definition)].join('\n');
}

/** Gadgets of `used` that have no runtime body. */
export function missingRuntime(used: GadgetDef[]): GadgetDef[] {
  return used.filter((g) => !Object.prototype.hasOwnProperty.call(runtimeBodies, g.name));
}

function definition(gadget: GadgetDef): string {
  const params = gadget.abi.map((p) => `${isPointerKind(p.kind) ? 'i64*' : 'i64'} %${p.name}`).join(', ');
  const global = `onnx_zk.name.${sanitize(gadget.name)}`;
  const name = cString(global, gadget.name);
  const gep = `getelementptr inbounds ${name.type}, ${name.type}* @${global}, i64 0, i64 0`;
  return `${name.global}

define void @"zk.${gadget.name}"(${params}) {
prologue:
  %gadget = ${gep}
  br label %entry
entry:
${runtimeBodies[gadget.name].trim()}
}
`;
}
