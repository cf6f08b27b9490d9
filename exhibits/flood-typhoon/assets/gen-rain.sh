#!/bin/sh
# Rain loop for the flood-typhoon exhibit: pink noise, band-passed, with a slow swell.
# Deterministic (-R: sox's fixed random seed); needs sox + libsox-fmt-mp3. Run from this folder.
set -e
cd "$(dirname "$0")"
sox -R -n -r 22050 -c 1 -C 24 rain.mp3 synth 6 pinknoise band -n 2500 3000 highpass 300 tremolo 0.35 18 fade q 0.3 6 0.3 norm -6
