#!/bin/sh
# $1: a literal input, $2: a uri_file input, $3: a uri_folder output.
echo "$1 from $(basename "$0") in $(basename "$(pwd)")"
echo "rows: $(wc -l < "$2" | tr -d ' ')"
echo "env input: $(basename "$AZURE_ML_INPUT_rows")"
cp "$2" "$3/rows-copy.csv"
echo done > "$3/status.txt"
