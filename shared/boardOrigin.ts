// Which board a bundle comes from, against this installation's. Board names are typed by people, so
// case, spacing and Unicode form do not make two names different.

const normalise = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');

/** The two names when a bundle's board is not this installation's, or null when they are the same board. */
export function otherBoard(bundleBoard: string, here: string): { bundle: string; here: string } | null {
  return normalise(bundleBoard) === normalise(here) ? null : { bundle: bundleBoard, here };
}

/** "This bundle comes from X, not Y": the words shown before a bundle from another board is imported. */
export function otherBoardMessage(other: { bundle: string; here: string }): string {
  return `this bundle comes from ${other.bundle}, not ${other.here}`;
}
