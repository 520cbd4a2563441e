// @ts-check
// A share link's hash: the scenario, and the view (what the page shows that
// a scenario does not hold: the values of the demand shapes not chosen, the
// capacity chart's instance and period). A short link is readable JSON, as
// links have always been: `#s=` the scenario and, when there is one, `&v=`
// the view. A long one (a CloudWatch trace) is deflated (CompressionStream,
// deflate-raw) and base64url-encoded: `#z=` and both, as one JSON object.

export const PLAIN = "#s=";
export const PACKED = "#z=";
const VIEW = "&v=";
/** Links longer than this, in characters, are packed when packing makes them shorter. */
export const PACK_FROM = 2_000;
/** Beyond this many characters a link is cut by many chat apps, mail clients and forms. */
export const PASTABLE = 8_000;

/**
 * @typedef {Record<string, any>} Plain
 * @typedef {{ scenario: Plain, view: Plain | null } | { error: string } | null} Link
 */

/** @param {unknown} value */
const isPlainObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Bytes through a (de)compression stream.
 * @param {Uint8Array<ArrayBuffer>} bytes
 * @param {CompressionStream | DecompressionStream} stream
 */
async function through(bytes, stream) {
  const piped = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

/** @param {Uint8Array} bytes */
function toBase64Url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/**
 * @param {string} text
 * @returns {Uint8Array<ArrayBuffer>}
 */
function fromBase64Url(text) {
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * The hash for a scenario and its view: readable when short, packed when that is shorter.
 * @param {Plain} scenario
 * @param {Plain | null} view
 * @returns {Promise<string>}
 */
export async function encodeLink(scenario, view) {
  const plain = PLAIN + encodeURIComponent(JSON.stringify(scenario)) + (view ? VIEW + encodeURIComponent(JSON.stringify(view)) : "");
  if (plain.length <= PACK_FROM || typeof CompressionStream !== "function") return plain;
  const json = JSON.stringify(view ? { scenario, view } : { scenario });
  const packed = PACKED + toBase64Url(await through(new TextEncoder().encode(json), new CompressionStream("deflate-raw")));
  return packed.length < plain.length ? packed : plain;
}

/**
 * A hash read back: `null` without a scenario, else `{ scenario, view }` or `{ error }`.
 * @param {string} hash
 * @returns {Promise<Link>}
 */
export async function decodeLink(hash) {
  let parsed;
  try {
    if (hash.startsWith(PLAIN)) {
      const [scenario, view] = hash.slice(PLAIN.length).split(VIEW);
      parsed = { scenario: JSON.parse(decodeURIComponent(scenario)), view: view === undefined ? null : JSON.parse(decodeURIComponent(view)) };
    } else if (hash.startsWith(PACKED)) {
      const bytes = await through(fromBase64Url(hash.slice(PACKED.length)), new DecompressionStream("deflate-raw"));
      parsed = JSON.parse(new TextDecoder().decode(bytes));
    } else {
      return null;
    }
  } catch {
    return { error: "it is not readable" };
  }
  if (!isPlainObject(parsed?.scenario)) return { error: "it is not a scenario object" };
  return { scenario: parsed.scenario, view: isPlainObject(parsed.view) ? parsed.view : null };
}
