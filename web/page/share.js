// @ts-check
// The link to this estimate, in the export panel, with how long it is: a
// link past what chat apps and mail clients carry says so, and points to the
// scenario file, which carries anything.
import { $, control, setText } from "./dom.js";
import { integerFormat } from "./format.js";
import { PACKED, PASTABLE } from "./link.js";

/** Shows the page's current link and what can be done with it. */
export function showLinkLength() {
  const link = location.href;
  control("share-link").value = link;
  const length = integerFormat.format(link.length);
  const packed = location.hash.startsWith(PACKED);
  setText(
    $("share-note"),
    link.length > PASTABLE
      ? `This link is ${length} characters${packed ? ", even compressed" : ""}: too long for many chat apps, mail clients and forms, which cut links past about ${integerFormat.format(PASTABLE)}. ` +
          "Share the scenario file instead (Download scenario, below): it holds everything, the trace included."
      : `${length} characters${packed ? ", compressed" : ""}: it opens this estimate anywhere, with every input.`,
  );
  $("share-note").dataset.tooLong = String(link.length > PASTABLE);
}
