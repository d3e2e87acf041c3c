;; The first pass of core/wordSkeleton.ts (forEachCandidateWordInScript) in
;; WebAssembly: the same words, the same skeleton hashes, the same
;; candidates, read from the page's UTF-8 in this module's memory. It is the
;; one loop of the matcher that reads every byte of the page, and here it
;; runs in about 60% of the time (docs/performance.md, round 11). The
;; TypeScript pass stays as the reference that tests compare this with, and
;; as what runs where WebAssembly cannot (core/candidatePass.ts).
;;
;; Rebuild candidatePassWasm.ts after changing this file: npm run build:wasm
;;
;; Memory (offsets in bytes; core/candidatePass.ts lays it out and fills it):
;;   0      group of each byte value (256 bytes)
;;   256    the groups of the char being read, written by $charGroups (32 x i32)
;;   1024   per BMP code point: 0 not read yet (or more than one group: asked each
;;          time), 1 no group, group + 2 (one group)
;;   then the skeleton table's two HashLayers, the candidate output, the text
(module
  ;; Writes the groups of a code point at 256 and returns how many (at most 31).
  (import "pass" "charGroups" (func $charGroups (param i32) (result i32)))
  (memory (export "memory") 5)

  (global $wordHashes (export "wordHashes") (mut i32) (i32.const 0))
  (global $wordLayers (export "wordLayers") (mut i32) (i32.const 0))
  (global $wordFilter (export "wordFilter") (mut i32) (i32.const 0))
  (global $wordMask (export "wordMask") (mut i32) (i32.const 0))
  (global $wordFilterShift (export "wordFilterShift") (mut i32) (i32.const 0))
  (global $pairHashes (export "pairHashes") (mut i32) (i32.const 0))
  (global $pairLayers (export "pairLayers") (mut i32) (i32.const 0))
  (global $pairFilter (export "pairFilter") (mut i32) (i32.const 0))
  (global $pairMask (export "pairMask") (mut i32) (i32.const 0))
  (global $pairFilterShift (export "pairFilterShift") (mut i32) (i32.const 0))
  ;; Candidates go to [outStart, outLimit) as (start, end, layers) triples of i32;
  ;; `written` is where the next one goes. Past outLimit the pass pauses.
  (global $outStart (export "outStart") (mut i32) (i32.const 0))
  (global $outLimit (export "outLimit") (mut i32) (i32.const 0))
  (global $written (export "written") (mut i32) (i32.const 0))
  ;; The text's UTF-8 at textStart, its length, and a space after it.
  (global $textStart (export "textStart") (mut i32) (i32.const 0))
  (global $textLength (mut i32) (i32.const 0))

  ;; The pass's state, kept here while it pauses.
  (global $b (mut i32) (i32.const 0))
  (global $hash (mut i32) (i32.const 0))
  (global $previous (mut i32) (i32.const 0))
  (global $start (mut i32) (i32.const 0))
  (global $end (mut i32) (i32.const 0))
  (global $apostrophe (mut i32) (i32.const 0))
  (global $extraBytes (mut i32) (i32.const 0))
  ;; The held word: one that only begins longer keys (heldStart -1: none).
  (global $heldStart (mut i32) (i32.const -1))
  (global $heldEnd (mut i32) (i32.const 0))
  (global $heldSkeleton (mut i32) (i32.const 0))
  (global $heldWhole (mut i32) (i32.const 0))
  (global $heldLonger (mut i32) (i32.const 0))
  (global $heldGoesOn (mut i32) (i32.const 0))

  ;; Groups: 0 separator, 1 apostrophe, 2 a byte of a non-ASCII char; words are > 2.
  ;; Hashing: FNV-1a, as in wordSkeleton.ts.

  (func $emit (param $start i32) (param $end i32) (param $layers i32)
    (local $at i32)
    (local.set $at (global.get $written))
    (i32.store (local.get $at) (local.get $start))
    (i32.store offset=4 (local.get $at) (local.get $end))
    (i32.store offset=8 (local.get $at) (local.get $layers))
    (global.set $written (i32.add (local.get $at) (i32.const 12))))

  ;; layersOf of wordSkeleton.ts on a HashLayers at these offsets.
  (func $layersOf
    (param $hashes i32) (param $layers i32) (param $filter i32) (param $mask i32)
    (param $filterShift i32) (param $hash i32) (result i32)
    (local $bit i32) (local $slot i32) (local $stored i32)
    (if (i32.eqz (local.get $hash)) (then (local.set $hash (i32.const 1))))
    (local.set $bit (i32.shr_u (local.get $hash) (local.get $filterShift)))
    (if (i32.eqz
          (i32.and
            (i32.load
              (i32.add (local.get $filter)
                (i32.shl (i32.shr_u (local.get $bit) (i32.const 5)) (i32.const 2))))
            (i32.shl (i32.const 1) (local.get $bit))))
      (then (return (i32.const 0))))
    (local.set $slot
      (i32.and
        (i32.shr_u (i32.mul (local.get $hash) (i32.const 0x9e3779b1)) (i32.clz (local.get $mask)))
        (local.get $mask)))
    (loop $probe
      (local.set $stored
        (i32.load (i32.add (local.get $hashes) (i32.shl (local.get $slot) (i32.const 2)))))
      (if (i32.eq (local.get $stored) (local.get $hash))
        (then (return (i32.load8_u (i32.add (local.get $layers) (local.get $slot))))))
      (if (i32.eqz (local.get $stored)) (then (return (i32.const 0))))
      (local.set $slot (i32.and (i32.add (local.get $slot) (i32.const 1)) (local.get $mask)))
      (br $probe))
    (i32.const 0))

  ;; releaseHeld: hands the held word on with its whole-key layers and those of `pairs`,
  ;; marking (<< 2) those where a longer key may match.
  (func $releaseHeld (param $pairs i32)
    (local $layers i32)
    (local.set $layers
      (i32.or (global.get $heldWhole) (i32.and (global.get $heldLonger) (local.get $pairs))))
    (if (local.get $layers)
      (then
        (call $emit (global.get $heldStart) (global.get $heldEnd)
          (i32.or (local.get $layers)
            (i32.shl (i32.and (global.get $heldGoesOn) (local.get $pairs)) (i32.const 2))))))
    (global.set $heldStart (i32.const -1)))

  ;; A finished word (wordSkeleton.ts's check of its table entry, then endWord).
  (func $endWord (param $start i32) (param $end i32) (param $skeleton i32) (param $apostrophe i32)
    (local $entry i32) (local $whole i32) (local $goesOn i32) (local $longer i32)
    (local.set $entry (i32.const -1))
    (if (i32.eqz (local.get $apostrophe))
      (then
        (local.set $entry
          (call $layersOf (global.get $wordHashes) (global.get $wordLayers)
            (global.get $wordFilter) (global.get $wordMask) (global.get $wordFilterShift)
            (local.get $skeleton)))))
    (if (i32.and (i32.eqz (local.get $entry)) (i32.lt_s (global.get $heldStart) (i32.const 0)))
      (then (return)))
    (if (i32.ge_s (global.get $heldStart) (i32.const 0))
      (then
        (call $releaseHeld
          (if (result i32) (i32.lt_s (local.get $entry) (i32.const 0))
            (then (i32.const 3))
            (else
              (call $layersOf (global.get $pairHashes) (global.get $pairLayers)
                (global.get $pairFilter) (global.get $pairMask) (global.get $pairFilterShift)
                ;; pairSkeleton(held, this word)
                (i32.xor
                  (i32.mul (global.get $heldSkeleton) (i32.const 0x01000193))
                  (i32.mul (local.get $skeleton) (i32.const 0x9e3779b1)))))))))
    (if (i32.lt_s (local.get $entry) (i32.const 0))
      (then
        (call $emit (local.get $start) (local.get $end) (i32.const 15))
        (return)))
    (local.set $whole (i32.and (local.get $entry) (i32.const 3)))
    (local.set $goesOn (i32.and (i32.shr_u (local.get $entry) (i32.const 2)) (i32.const 3)))
    (local.set $longer (i32.and (local.get $goesOn) (i32.xor (local.get $whole) (i32.const -1))))
    (if (i32.eqz (local.get $longer))
      (then
        (if (local.get $whole)
          (then
            (call $emit (local.get $start) (local.get $end)
              (i32.or (local.get $whole) (i32.shl (local.get $goesOn) (i32.const 2))))))
        (return)))
    (global.set $heldStart (local.get $start))
    (global.set $heldEnd (local.get $end))
    (global.set $heldSkeleton (local.get $skeleton))
    (global.set $heldWhole (local.get $whole))
    (global.set $heldLonger (local.get $longer))
    (global.set $heldGoesOn (local.get $goesOn)))

  ;; Starts a pass over the text at textStart, `length` bytes long.
  (func (export "begin") (param $length i32)
    (global.set $textLength (local.get $length))
    (global.set $b (i32.const 0))
    (global.set $hash (i32.const 0x811c9dc5))
    (global.set $previous (i32.const 0))
    (global.set $start (i32.const -1))
    (global.set $end (i32.const 0))
    (global.set $apostrophe (i32.const 0))
    (global.set $extraBytes (i32.const 0))
    (global.set $heldStart (i32.const -1)))

  ;; Runs the pass on from where it stopped, writing candidates from outStart;
  ;; returns 1 when the text is done, 0 when the output is full (read it, run again).
  ;; Offsets: $p points at the byte being read; the UTF-16 offset of a byte is
  ;; $p - $base, where $base moves on by the bytes a char takes beyond its units.
  (func (export "run") (result i32)
    (local $p i32) (local $stop i32) (local $base i32) (local $byte i32) (local $group i32)
    (local $hash i32) (local $previous i32) (local $start i32) (local $end i32)
    (local $apostrophe i32) (local $filter i32) (local $filterShift i32) (local $bit i32)
    (local $codePoint i32) (local $length i32) (local $at i32) (local $next i32)
    (local $count i32) (local $k i32) (local $cached i32)
    ;; Whether a word is held (heldStart >= 0), kept at hand: every word after one must be settled.
    (local $holding i32)
    (global.set $written (global.get $outStart))
    (local.set $holding (i32.ge_s (global.get $heldStart) (i32.const 0)))
    (local.set $p (i32.add (global.get $textStart) (global.get $b)))
    (local.set $stop (i32.add (global.get $textStart) (global.get $textLength)))
    (local.set $base (i32.add (global.get $textStart) (global.get $extraBytes)))
    (local.set $hash (global.get $hash))
    (local.set $previous (global.get $previous))
    (local.set $start (global.get $start))
    (local.set $end (global.get $end))
    (local.set $apostrophe (global.get $apostrophe))
    (local.set $filter (global.get $wordFilter))
    (local.set $filterShift (global.get $wordFilterShift))
    (block $paused
      (block $done
        (loop $char
          (br_if $done (i32.ge_u (local.get $p) (local.get $stop)))
          (local.set $byte (i32.load8_u (local.get $p)))
          (if (i32.lt_u (local.get $byte) (i32.const 0x80))
            (then
              (local.set $group (i32.load8_u (local.get $byte)))
              (if (local.get $group)
                (then
                  (if (i32.lt_s (local.get $start) (i32.const 0))
                    (then (local.set $start (i32.sub (local.get $p) (local.get $base)))))
                  (if (i32.eq (local.get $group) (i32.const 1))
                    (then (local.set $apostrophe (i32.const 1))))
                  ;; The hot loop: ASCII word chars up to a separator, an apostrophe or a
                  ;; non-ASCII byte. The hash steps by a select: a branch on it mispredicts.
                  (loop $word
                    (local.set $hash
                      (select
                        (i32.mul (i32.xor (local.get $hash) (local.get $group)) (i32.const 0x01000193))
                        (local.get $hash)
                        (i32.ne (local.get $group) (local.get $previous))))
                    (local.set $previous (local.get $group))
                    (local.set $p (i32.add (local.get $p) (i32.const 1)))
                    (local.set $group (i32.load8_u (i32.load8_u (local.get $p))))
                    (br_if $word (i32.gt_u (local.get $group) (i32.const 2))))
                  (local.set $end (i32.sub (local.get $p) (local.get $base)))
                  ;; The word goes on into a non-ASCII char or an apostrophe.
                  (br_if $char (local.get $group))))
              (if (i32.ge_s (local.get $start) (i32.const 0))
                (then
                  ;; Most words: not in the filter, nothing held, no apostrophe.
                  (local.set $bit
                    (i32.shr_u
                      (select (i32.const 1) (local.get $hash) (i32.eqz (local.get $hash)))
                      (local.get $filterShift)))
                  (if (i32.or
                        (i32.or (local.get $apostrophe) (local.get $holding))
                        (i32.and
                          (i32.load
                            (i32.add (local.get $filter)
                              (i32.shl (i32.shr_u (local.get $bit) (i32.const 5)) (i32.const 2))))
                          (i32.shl (i32.const 1) (local.get $bit))))
                    (then
                      (call $endWord (local.get $start) (local.get $end) (local.get $hash) (local.get $apostrophe))
                      (local.set $holding (i32.ge_s (global.get $heldStart) (i32.const 0)))
                      (local.set $hash (i32.const 0x811c9dc5))
                      (local.set $previous (i32.const 0))
                      (local.set $start (i32.const -1))
                      (local.set $apostrophe (i32.const 0))
                      (local.set $p (i32.add (local.get $p) (i32.const 1)))
                      ;; Between chars: pause once the output is nearly full (it keeps room
                      ;; for what one char, or the text's end, can hand on).
                      (br_if $paused (i32.gt_u (global.get $written) (global.get $outLimit)))
                      (br $char)))
                  (local.set $hash (i32.const 0x811c9dc5))
                  (local.set $previous (i32.const 0))
                  (local.set $start (i32.const -1))
                  (local.set $apostrophe (i32.const 0))))
              (local.set $p (i32.add (local.get $p) (i32.const 1)))
              (br $char)))
          ;; A multi-byte sequence (well formed: TextEncoder wrote it).
          (if (i32.lt_u (local.get $byte) (i32.const 0xe0))
            (then
              (local.set $codePoint
                (i32.or
                  (i32.shl (i32.and (local.get $byte) (i32.const 0x1f)) (i32.const 6))
                  (i32.and (i32.load8_u offset=1 (local.get $p)) (i32.const 0x3f))))
              (local.set $length (i32.const 2)))
            (else
              (if (i32.lt_u (local.get $byte) (i32.const 0xf0))
                (then
                  (local.set $codePoint
                    (i32.or
                      (i32.or
                        (i32.shl (i32.and (local.get $byte) (i32.const 0x0f)) (i32.const 12))
                        (i32.shl (i32.and (i32.load8_u offset=1 (local.get $p)) (i32.const 0x3f)) (i32.const 6)))
                      (i32.and (i32.load8_u offset=2 (local.get $p)) (i32.const 0x3f))))
                  (local.set $length (i32.const 3)))
                (else
                  (local.set $codePoint
                    (i32.or
                      (i32.or
                        (i32.shl (i32.and (local.get $byte) (i32.const 0x07)) (i32.const 18))
                        (i32.shl (i32.and (i32.load8_u offset=1 (local.get $p)) (i32.const 0x3f)) (i32.const 12)))
                      (i32.or
                        (i32.shl (i32.and (i32.load8_u offset=2 (local.get $p)) (i32.const 0x3f)) (i32.const 6))
                        (i32.and (i32.load8_u offset=3 (local.get $p)) (i32.const 0x3f)))))
                  (local.set $length (i32.const 4))))))
          (local.set $at (i32.sub (local.get $p) (local.get $base)))
          ;; The bytes beyond the char's UTF-16 units (two units above U+FFFF).
          (local.set $base
            (i32.add (local.get $base)
              (i32.sub (local.get $length)
                (select (i32.const 2) (i32.const 1) (i32.gt_u (local.get $codePoint) (i32.const 0xffff))))))
          (local.set $p (i32.add (local.get $p) (local.get $length)))
          (local.set $next (i32.sub (local.get $p) (local.get $base)))
          ;; The char's groups at 256: from the cache when it has one group or none.
          (local.set $cached (i32.const 0))
          (if (i32.lt_u (local.get $codePoint) (i32.const 0x10000))
            (then
              (local.set $cached
                (i32.load offset=1024 (i32.shl (local.get $codePoint) (i32.const 2))))))
          (if (i32.eqz (local.get $cached))
            (then
              (local.set $count (call $charGroups (local.get $codePoint)))
              (if (i32.and
                    (i32.lt_u (local.get $codePoint) (i32.const 0x10000))
                    (i32.le_u (local.get $count) (i32.const 1)))
                (then
                  (i32.store offset=1024 (i32.shl (local.get $codePoint) (i32.const 2))
                    (if (result i32) (local.get $count)
                      (then (i32.add (i32.load (i32.const 256)) (i32.const 2)))
                      (else (i32.const 1)))))))
            (else
              (local.set $count (i32.ne (local.get $cached) (i32.const 1)))
              (i32.store (i32.const 256) (i32.sub (local.get $cached) (i32.const 2)))))
          (local.set $k (i32.const 0))
          (block $groupsDone
            (loop $groups
              (br_if $groupsDone (i32.ge_u (local.get $k) (local.get $count)))
              (local.set $group (i32.load offset=256 (i32.shl (local.get $k) (i32.const 2))))
              (local.set $k (i32.add (local.get $k) (i32.const 1)))
              (if (i32.eqz (local.get $group))
                (then
                  (if (i32.ge_s (local.get $start) (i32.const 0))
                    (then
                      (call $endWord (local.get $start) (local.get $end) (local.get $hash) (local.get $apostrophe))
                      (local.set $holding (i32.ge_s (global.get $heldStart) (i32.const 0)))
                      (local.set $hash (i32.const 0x811c9dc5))
                      (local.set $previous (i32.const 0))
                      (local.set $start (i32.const -1))
                      (local.set $apostrophe (i32.const 0))))
                  (br $groups)))
              (if (i32.lt_s (local.get $start) (i32.const 0)) (then (local.set $start (local.get $at))))
              (local.set $end (local.get $next))
              (if (i32.eq (local.get $group) (i32.const 1))
                (then (local.set $apostrophe (i32.const 1)))
                (else
                  (if (i32.ne (local.get $group) (local.get $previous))
                    (then
                      (local.set $hash
                        (i32.mul (i32.xor (local.get $hash) (local.get $group)) (i32.const 0x01000193)))
                      (local.set $previous (local.get $group))))))
              (br $groups)))
          (br_if $paused (i32.gt_u (global.get $written) (global.get $outLimit)))
          (br $char)))
      ;; The text is done: its last word, then a held word, which cannot begin a key at the end.
      (if (i32.ge_s (local.get $start) (i32.const 0))
        (then (call $endWord (local.get $start) (local.get $end) (local.get $hash) (local.get $apostrophe))))
      (if (i32.ge_s (global.get $heldStart) (i32.const 0)) (then (call $releaseHeld (i32.const 0))))
      (global.set $b (global.get $textLength))
      (global.set $start (i32.const -1))
      (return (i32.const 1)))
    (global.set $b (i32.sub (local.get $p) (global.get $textStart)))
    (global.set $extraBytes (i32.sub (local.get $base) (global.get $textStart)))
    (global.set $hash (local.get $hash))
    (global.set $previous (local.get $previous))
    (global.set $start (local.get $start))
    (global.set $end (local.get $end))
    (global.set $apostrophe (local.get $apostrophe))
    (i32.const 0))
)
