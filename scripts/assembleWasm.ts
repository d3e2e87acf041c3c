/** WebAssembly text to bytes, with wabt (a dev dependency: only scripts and tests assemble). */
import wabt from 'wabt';

export async function assembleCandidatePass(source: string): Promise<Uint8Array> {
  const toolkit = await wabt();
  const module = toolkit.parseWat('candidatePass.wat', source);
  try {
    module.validate();
    return new Uint8Array(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}
