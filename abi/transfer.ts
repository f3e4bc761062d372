// Frame transfer's contract between generated code and the runtime (runtime/core/transfer.ts). A function whose
// transfer copy left this many times for another reason than its budget stays generator code: its resume form no longer
// hands back to the copy at a back-edge (the compiled test `this.$b.tf < TRANSFER_GIVE_UP`), and the runtime runs it
// without a driver (transfer.ts `driven`). Both sides read this one number: a resume form that switched where the
// runtime gave it no driver would end its call with the switch marker.
export const TRANSFER_GIVE_UP = 6;
