# shellcheck shell=bash
#
# Finds a JDK that can build and run Slipway (version 21 or newer, with javac).
#
# This file is a library: source it, then call slipway_find_jdk.
#
#   source scripts/find-jdk.sh
#   slipway_find_jdk || exit 1
#   "$SLIPWAY_JAVA_HOME/bin/java" ...
#
# On success slipway_find_jdk sets SLIPWAY_JAVA_HOME, prints nothing and returns 0.
# On failure it prints to stderr every Java installation it saw, with its version, and how to get
# a suitable JDK, then returns 1.
#
# Where it looks, in this order (the first JDK >= 21 wins):
#   1. $JAVA_HOME
#   2. the java command on PATH (symlinks resolved to its home)
#   3. the usual install folders (see _slipway_jdk_search_patterns), or, when
#      SLIPWAY_JDK_SEARCH_DIRS is set (colon-separated), only the children of those folders.
#
# It is written for bash 3.2+ (macOS) and uses shell builtins only, apart from readlink for the java
# found on PATH, so it also works with a bare PATH. It is safe under set -euo pipefail and defines
# only names that start with slipway_ or _slipway_.

SLIPWAY_MIN_JAVA_VERSION=21

# Prints the major Java version of a version string: 1.8.0_392 -> 8, 17.0.15 -> 17, 21 -> 21,
# 25-ea -> 25, 25.0.1+9 -> 25. Prints nothing when the string does not start with a number.
_slipway_major_of() {
    local v=$1
    case $v in
        1.[0-9]*) v=${v#1.} ;; # Java 8 and older: 1.8.0_392
    esac
    v=${v%%[!0-9]*}
    if [ -n "$v" ]; then
        printf '%s\n' "$v"
    fi
}

# Prints the major Java version of the installation at $1, from its release file when it has one,
# else from `bin/java -version`. Prints nothing when neither tells.
_slipway_jdk_major() {
    local home=$1 line version=""
    if [ -f "$home/release" ] && [ -r "$home/release" ]; then
        while IFS= read -r line || [ -n "$line" ]; do
            case $line in
                JAVA_VERSION=*)
                    version=${line#JAVA_VERSION=}
                    version=${version%$'\r'}
                    version=${version#\"}
                    version=${version%\"}
                    break
                    ;;
            esac
        done <"$home/release"
    fi
    if [ -z "$version" ] && [ -x "$home/bin/java" ]; then
        # `java -version` writes to stderr, e.g.: openjdk version "17.0.15" 2025-04-15
        # (possibly after a "Picked up JAVA_TOOL_OPTIONS" line).
        local out re='version "([^"]+)"'
        out=$("$home/bin/java" -version 2>&1 </dev/null) || true
        if [[ $out =~ $re ]]; then
            version=${BASH_REMATCH[1]}
        fi
    fi
    _slipway_major_of "$version"
}

# Prints the physical path of directory $1 (symlinks resolved), or nothing if it is not one.
_slipway_real_dir() {
    (CDPATH='' cd -P -- "$1" 2>/dev/null && pwd -P)
}

# Prints the physical path of file $1 with every symlink resolved.
_slipway_real_file() {
    local f=$1 target n=0
    if readlink -f / >/dev/null 2>&1; then
        readlink -f -- "$f"
        return
    fi
    # readlink without -f (older macOS): follow the chain by hand.
    while [ -L "$f" ] && [ $n -lt 40 ]; do
        target=$(readlink -- "$f") || break
        case $target in
            /*) f=$target ;;
            *) f=${f%/*}/$target ;;
        esac
        n=$((n + 1))
    done
    local dir
    dir=$(_slipway_real_dir "${f%/*}") || dir=${f%/*}
    printf '%s/%s\n' "$dir" "${f##*/}"
}

# The glob patterns of the usual install folders, one per line, each matching Java homes (or
# folders holding one: see _slipway_jdk_homes_in).
_slipway_jdk_search_patterns() {
    if [ -n "${SLIPWAY_JDK_SEARCH_DIRS:-}" ]; then
        local dir rest=$SLIPWAY_JDK_SEARCH_DIRS
        while [ -n "$rest" ]; do
            dir=${rest%%:*}
            if [ "$dir" = "$rest" ]; then rest=""; else rest=${rest#*:}; fi
            if [ -n "$dir" ]; then
                printf '%s\n' "${dir%/}/*"
            fi
        done
        return 0
    fi
    local home=${HOME:-/nonexistent}
    printf '%s\n' \
        '/usr/lib/jvm/*' \
        '/usr/java/*' \
        '/opt/java/*' \
        '/opt/jdk*' \
        '/usr/local/opt/openjdk*' \
        '/opt/homebrew/opt/openjdk*' \
        '/home/linuxbrew/.linuxbrew/opt/openjdk*' \
        '/Library/Java/JavaVirtualMachines/*' \
        "$home/Library/Java/JavaVirtualMachines/*" \
        "$home/.sdkman/candidates/java/*" \
        "$home/.jdks/*" \
        "$home/.asdf/installs/java/*"
}

# Given a folder found by a search pattern, prints the Java home inside it: the folder itself, or
# the macOS bundle layout (Contents/Home), or Homebrew's (libexec/openjdk.jdk/Contents/Home).
_slipway_jdk_homes_in() {
    local dir=$1 sub
    for sub in "" /Contents/Home /libexec/openjdk.jdk/Contents/Home /libexec; do
        if [ -x "$dir$sub/bin/java" ] && [ ! -d "$dir$sub/bin/java" ]; then
            printf '%s\n' "$dir$sub"
            return 0
        fi
    done
    return 0
}

# Prints the Java homes in the install folders, one per line, in search order.
_slipway_search_homes() {
    # IFS is empty so that the unquoted $pattern below is expanded as a glob but not split at
    # spaces. A pattern matching nothing stays as is, has no bin/java, and is skipped.
    local IFS='' pattern dir
    while read -r pattern; do
        for dir in $pattern; do
            _slipway_jdk_homes_in "$dir"
        done
    done <<EOF
$(_slipway_jdk_search_patterns)
EOF
}

slipway_find_jdk() {
    local min=$SLIPWAY_MIN_JAVA_VERSION
    local candidates=() # Java homes to examine, in search order
    local notes=""      # lines for the failure message about candidates that are not Java homes

    # 1. JAVA_HOME.
    if [ -n "${JAVA_HOME:-}" ]; then
        local jh=${JAVA_HOME%/}
        if [ -z "$jh" ]; then jh=/; fi
        if [ -x "$jh/bin/java" ]; then
            candidates+=("$jh")
        elif [ -d "$jh" ]; then
            notes+="  JAVA_HOME=$JAVA_HOME has no bin/java (ignored)"$'\n'
        else
            notes+="  JAVA_HOME=$JAVA_HOME does not exist (ignored)"$'\n'
        fi
    fi

    # 2. The java command on PATH, e.g. /usr/bin/java -> /usr/lib/jvm/java-17-openjdk-amd64/bin/java.
    local path_java
    path_java=$(command -v java 2>/dev/null) || path_java=""
    if [ -n "$path_java" ] && [ "${path_java#/}" != "$path_java" ]; then
        local real_java
        real_java=$(_slipway_real_file "$path_java" 2>/dev/null) || real_java=""
        if [ -n "$real_java" ]; then
            local path_home=${real_java%/bin/java}
            if [ "$real_java" = /usr/bin/java ] && [ -x /usr/libexec/java_home ]; then
                # macOS: /usr/bin/java is a stub that runs the default JDK; ask where that is.
                path_home=$(/usr/libexec/java_home 2>/dev/null) || path_home=""
            fi
            if [ "$path_home" != "$real_java" ] && [ -n "$path_home" ]; then
                candidates+=("$path_home")
            else
                notes+="  java on PATH ($path_java -> $real_java) is not inside a Java home (ignored)"$'\n'
            fi
        fi
    fi

    # 3. The usual install folders.
    local home
    while IFS= read -r home; do
        if [ -n "$home" ]; then
            candidates+=("$home")
        fi
    done <<EOF
$(_slipway_search_homes)
EOF

    # Examine them in order; skip any seen already (e.g. through a symlink).
    local seen=$'\n' found="" candidate real major kind
    for candidate in ${candidates[@]+"${candidates[@]}"}; do
        real=$(_slipway_real_dir "$candidate") || real=""
        if [ -z "$real" ]; then
            real=$candidate
        fi
        case $seen in
            *$'\n'"$real"$'\n'*) continue ;;
        esac
        seen+="$real"$'\n'
        major=$(_slipway_jdk_major "$candidate")
        if [ -x "$candidate/bin/javac" ]; then kind=JDK; else kind="JRE (no javac)"; fi
        if [ -n "$major" ] && [ "$major" -ge "$min" ] 2>/dev/null && [ "$kind" = JDK ]; then
            SLIPWAY_JAVA_HOME=$candidate
            return 0
        fi
        found+="$(printf '  %-8s %-15s %s' "${major:-unknown}" "$kind" "$candidate")"$'\n'
    done

    # Nothing qualifies: say what was found and what to do.
    {
        printf 'Slipway needs a JDK %s or newer (a JDK, with javac, not only a JRE).\n' "$min"
        printf 'Java installations found:\n'
        if [ -n "$found" ]; then
            printf '  %-8s %-15s %s\n' VERSION KIND PATH
            printf '%s' "$found"
        else
            printf '  none\n'
        fi
        if [ -n "$notes" ]; then
            printf '%s' "$notes"
        fi
        local searched
        searched=$(_slipway_jdk_search_patterns)
        printf 'Searched: JAVA_HOME, the java on PATH, %s\n' "${searched//$'\n'/, }"
        printf 'Install a JDK %s or newer, for example:\n' "$min"
        printf '  Debian/Ubuntu: sudo apt-get install openjdk-%s-jdk\n' "$min"
        printf '  Fedora/RHEL:   sudo dnf install java-%s-openjdk-devel\n' "$min"
        printf '  macOS:         brew install openjdk@%s\n' "$min"
        printf '  Or download one from https://adoptium.net\n'
        printf 'then run again, or set JAVA_HOME to its folder (export JAVA_HOME=/path/to/jdk).\n'
    } >&2
    return 1
}
