#!/usr/bin/env bash
# Builds what a team installs: dist/gloss, one static, stripped file that needs no Swift
# toolchain (only Debian's libsqlite3, libncursesw and the C and C++ runtimes), and
# dist/gloss_VERSION_ARCH.deb with that binary, the man page, bash, zsh and fish
# completions, and the samples and guides under /usr/share/gloss.
#
# Needs: a Swift toolchain, python3, binutils, dpkg-dev (dpkg-shlibdeps), gzip.
set -euo pipefail
cd "$(dirname "$0")/.."

work=.build/package
dist=dist
rm -rf "$work" "$dist"
mkdir -p "$work" "$dist"

# --- Foundation's ICU data, trimmed to what Gloss uses (see Scripts/icu-data-trim.py) ---
swift_bin="$(dirname "$(readlink -f "$(command -v swift)")")"
icu_archive="$swift_bin/../lib/swift_static/linux/lib_FoundationICU.a"
data_member=icu_packaged_data.cpp.o
(cd "$work" && ar x "$icu_archive" "$data_member")
data_symbol="$(nm "$work/$data_member" | awk '$2 == "R" && $3 ~ /^icudt[0-9]+_dat$/ { print $3 }')"
[ -n "$data_symbol" ] || { echo "no icudtNN_dat in $icu_archive" >&2; exit 1; }
objcopy -O binary --only-section=.rodata "$work/$data_member" "$work/icu-full.dat"
python3 Scripts/icu-data-trim.py "$work/icu-full.dat" "$work/icu-trimmed.dat"
# The trimmed data ships compressed (1.8 MB -> 0.6 MB with zlib) and is inflated, before
# anything else runs, into a zero-filled array that takes no room in the file. It goes in
# under a name of its own; --defsym makes ICU's name point at it before the linker reads
# lib_FoundationICU.a, so the archive's 34 MB array is never pulled in (an object alone
# would come too late: the driver puts the archives first).
python3 -c 'import sys, zlib; open(sys.argv[2], "wb").write(zlib.compress(open(sys.argv[1], "rb").read(), 9))' \
  "$work/icu-trimmed.dat" "$work/icu-trimmed.dat.z"
icu_size=$(stat -c %s "$work/icu-trimmed.dat")
sed -e "s|@SIZE@|$icu_size|" -e "s|@COMPRESSED@|$PWD/$work/icu-trimmed.dat.z|" \
  Scripts/icu-data-inflate.c.in > "$work/icu-data.c"
"$swift_bin/clang" -O2 -c "$work/icu-data.c" -o "$work/icu-data.o"

# --- the binary ---
# zlib, linked statically, inflates the ICU data (Debian: zlib1g-dev).
zlib="$("$swift_bin/clang" -print-file-name=libz.a)"
[ -f "$zlib" ] || { echo "no libz.a: install zlib1g-dev" >&2; exit 1; }
# lld packs the relative relocations of the position-independent binary (DT_RELR, glibc
# 2.36+) and folds identical functions (--icf=all: no Swift or C code here compares function
# addresses); --no-export-dynamic drops the dynamic symbol table that -static-stdlib asks for
# (nothing loads plugins into gloss). Gloss and its packages are optimised for size and
# linked with whole-program LTO, which drops what GRDB, Yams and ArgumentParser carry that
# Gloss never calls: 32.7 MB with -O and --icf=safe, 30.8 MB with LTO, 29.5 MB with -Osize
# too (Swift 6.3.1). The labeler's keys and training measured no slower (Benchmarks/README).
# The link takes several minutes on one core.
build_flags=(-c release --static-swift-stdlib -Xswiftc -Osize --experimental-lto-mode=full
  -Xlinker --defsym -Xlinker "$data_symbol=gloss_icu_data" -Xlinker "$PWD/$work/icu-data.o" -Xlinker "$zlib"
  -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs -Xlinker --icf=all -Xlinker --no-export-dynamic)
echo "==> swift build ${build_flags[*]}"
started=$SECONDS
swift build "${build_flags[@]}" --product gloss
echo "built in $((SECONDS - started)) s"
bin_dir="$(swift build "${build_flags[@]}" --show-bin-path)"
strip --strip-all -o "$dist/gloss" "$bin_dir/gloss"
if ldd "$dist/gloss" | grep -q -i swift; then
  echo "dist/gloss still needs a Swift library:" >&2; ldd "$dist/gloss" >&2; exit 1
fi
version="$("$dist/gloss" --version)"
size=$(stat -c %s "$dist/gloss")
echo "dist/gloss $version: $size bytes"
# The budget a team copies onto a server (issue 18): a larger file fails the build, so growth
# is noticed when it happens.
[ "$size" -le 30000000 ] || { echo "dist/gloss is $size bytes, over the 30 MB budget" >&2; exit 1; }

# --- the man page, from the commands' own help (swift-argument-parser's GenerateManual
# plugin, told to build the debug configuration, which `swift test` has built already;
# its default, release, would rebuild the release objects without our flags) ---
manual_date="$(git log -1 --format=%cs 2>/dev/null || date -u +%F)"
swift package plugin generate-manual --configuration debug --date "$manual_date" >/dev/null
manual="$(find .build/plugins -path '*GenerateManual*' -name gloss.1 -newer "$work/icu-data.o" | head -n 1)"
[ -n "$manual" ] || { echo "the GenerateManual plugin wrote no gloss.1" >&2; exit 1; }

# --- the package tree ---
arch="$(dpkg --print-architecture)"
root="$work/deb"
install -Dm755 "$dist/gloss" "$root/usr/bin/gloss"
install -d "$root/usr/share/man/man1"
gzip -9n < "$manual" > "$root/usr/share/man/man1/gloss.1.gz"
install -d "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions" \
  "$root/usr/share/fish/vendor_completions.d"
"$dist/gloss" --generate-completion-script bash > "$root/usr/share/bash-completion/completions/gloss"
"$dist/gloss" --generate-completion-script zsh > "$root/usr/share/zsh/vendor-completions/_gloss"
"$dist/gloss" --generate-completion-script fish > "$root/usr/share/fish/vendor_completions.d/gloss.fish"
install -d "$root/usr/share/gloss" "$root/usr/share/doc/gloss"
cp -r samples guides "$root/usr/share/gloss/"
install -m644 README.md "$root/usr/share/doc/gloss/README.md"

# Depends: the Debian packages of the shared libraries the binary links, as dpkg-shlibdeps
# finds them (it reads a debian/control, so it runs in a scratch folder).
mkdir -p "$work/shlibs/debian"
printf 'Source: gloss\n\nPackage: gloss\nArchitecture: any\n' > "$work/shlibs/debian/control"
depends="$(cd "$work/shlibs" && dpkg-shlibdeps -O -e "$OLDPWD/$root/usr/bin/gloss" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')"
[ -n "$depends" ] || { echo "dpkg-shlibdeps found no dependencies" >&2; exit 1; }
# Packed relocations need glibc 2.36 (GLIBC_ABI_DT_RELR), which Debian's symbols file does
# not map to a version.
if readelf -V "$root/usr/bin/gloss" | grep -q GLIBC_ABI_DT_RELR; then
  depends="$(sed -E 's/libc6 \(>= [0-9.]+\)/libc6 (>= 2.36)/' <<<"$depends")"
fi

install -d "$root/DEBIAN"
cat > "$root/DEBIAN/control" <<EOF
Package: gloss
Version: $version
Architecture: $arch
Maintainer: Gloss maintainers <gloss@localhost>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $depends
Section: utils
Priority: optional
Description: terminal annotation tool for labeling text data
 Annotators label items with one keystroke per decision in a full-screen
 terminal app, leads version the annotation guide and watch agreement, and an
 embedded classifier learns from the labels as they arrive. Everything lives
 in one SQLite file. Try it with: gloss demo
EOF
deb="$dist/gloss_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb: $(stat -c %s "$deb") bytes; Depends: $depends"
