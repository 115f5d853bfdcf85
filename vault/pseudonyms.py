"""Fast keyed pseudonyms: HMAC-SHA256 over Arrow arrays, byte-identical to ``hmac.new(key, msg, sha256)``.

A token is ``<domain>.v<version>.`` + the first 32 hex characters of HMAC-SHA256(domain key,
``<entity>:<normalised identifier>``) (see :func:`vault.crossing.token_py`, the reference).

HMAC(K, m) = H((K ^ opad) || H((K ^ ipad) || m)). The two key blocks (and the ``<entity>:``
prefix) are hashed once per key into an inner and an outer SHA-256 state; each value then costs
a copy of each state and two SHA-256 compressions instead of four.

Two engines compute the same bytes:

- ``native``: a few lines of C (compiled once with cffi against OpenSSL's libcrypto, which uses
  the CPU's SHA extensions) looping over an Arrow string array's buffers and writing the hex
  digests straight into an Arrow buffer; the GIL is released, so the array is split over
  ``threads`` threads. Built on first use into a per-user cache; if no C compiler or OpenSSL
  headers are there, the Python engine is used and a warning says so (without any value).
- ``python``: the same precomputed ``hashlib`` states, copied per value.

In DuckDB, :class:`TokenFunctions` binds tokenisers to a connection as Arrow scalar functions
under random names (DuckDB streams 2048-value vectors through them from its own threads, so
memory stays bounded); the key stays in process memory (never in SQL text, parameters or logs).
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import secrets
import shutil
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyarrow as pa

log = logging.getLogger(__name__)
TOKEN_HEX_CHARS = 32  # 128 bits of the HMAC in a token
MIN_SPLIT = 16_384  # below this many values, one thread does the whole array

# --- the native engine --------------------------------------------------------------------

_CDEF = """
typedef struct { ...; } SHA256_CTX;
int confiance_hmac_prepare(const unsigned char *key, size_t key_len, const unsigned char *prefix,
                           size_t prefix_len, SHA256_CTX *inner, SHA256_CTX *outer);
void confiance_hmac_hex_i32(const SHA256_CTX *inner, const SHA256_CTX *outer, const unsigned char *data,
                            const int32_t *offsets, int64_t start, int64_t stop, const char *head, int head_len,
                            int hex_chars, char *out);
void confiance_hmac_hex_i64(const SHA256_CTX *inner, const SHA256_CTX *outer, const unsigned char *data,
                            const int64_t *offsets, int64_t start, int64_t stop, const char *head, int head_len,
                            int hex_chars, char *out);
"""

_CSRC = r"""
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/sha.h>
#include <stdint.h>
#include <string.h>

static const char HEXDIGITS[] = "0123456789abcdef";

int confiance_hmac_prepare(const unsigned char *key, size_t key_len, const unsigned char *prefix,
                           size_t prefix_len, SHA256_CTX *inner, SHA256_CTX *outer) {
    unsigned char block[64], pad[64];
    memset(block, 0, 64);
    if (key_len > 64) { SHA256(key, key_len, block); } else { memcpy(block, key, key_len); }
    for (int i = 0; i < 64; i++) pad[i] = block[i] ^ 0x36;
    if (!SHA256_Init(inner) || !SHA256_Update(inner, pad, 64) || !SHA256_Update(inner, prefix, prefix_len))
        return 0;
    for (int i = 0; i < 64; i++) pad[i] = block[i] ^ 0x5c;
    if (!SHA256_Init(outer) || !SHA256_Update(outer, pad, 64)) return 0;
    return 1;
}

static inline void one(const SHA256_CTX *inner, const SHA256_CTX *outer, const unsigned char *msg,
                       size_t len, const char *head, int head_len, int hex_chars, char *dst) {
    SHA256_CTX c;
    unsigned char d[32];
    memcpy(dst, head, head_len);
    dst += head_len;
    c = *inner; SHA256_Update(&c, msg, len); SHA256_Final(d, &c);
    c = *outer; SHA256_Update(&c, d, 32); SHA256_Final(d, &c);
    for (int i = 0; i < hex_chars / 2; i++) {
        dst[2 * i] = HEXDIGITS[d[i] >> 4];
        dst[2 * i + 1] = HEXDIGITS[d[i] & 15];
    }
}

void confiance_hmac_hex_i32(const SHA256_CTX *inner, const SHA256_CTX *outer, const unsigned char *data,
                            const int32_t *offsets, int64_t start, int64_t stop, const char *head, int head_len,
                            int hex_chars, char *out) {
    for (int64_t i = start; i < stop; i++)
        one(inner, outer, data + offsets[i], (size_t)(offsets[i + 1] - offsets[i]), head, head_len, hex_chars,
            out + i * (head_len + hex_chars));
}

void confiance_hmac_hex_i64(const SHA256_CTX *inner, const SHA256_CTX *outer, const unsigned char *data,
                            const int64_t *offsets, int64_t start, int64_t stop, const char *head, int head_len,
                            int hex_chars, char *out) {
    for (int64_t i = start; i < stop; i++)
        one(inner, outer, data + offsets[i], (size_t)(offsets[i + 1] - offsets[i]), head, head_len, hex_chars,
            out + i * (head_len + hex_chars));
}
"""

_native_lock = threading.Lock()
_native_module = None
_native_tried = False


def _cache_dir() -> Path:
    base = os.environ.get("CONFIANCE_NATIVE_CACHE") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "confiance" / "native"


def _load_native():
    """The compiled cffi module (built on first use, cached by source hash), or None if it cannot be built."""
    global _native_module, _native_tried
    with _native_lock:
        if _native_tried:
            return _native_module
        _native_tried = True
        if os.environ.get("CONFIANCE_PSEUDONYM_ENGINE", "").lower() == "python":
            return None
        tag = hashlib.sha256((_CDEF + _CSRC + sys.version).encode()).hexdigest()[:12]
        name = f"_confiance_hmac_{tag}"
        folder = _cache_dir()
        try:
            built = next(folder.glob(f"{name}*.so"), None) if folder.is_dir() else None
            if built is None:
                import cffi

                folder.mkdir(parents=True, exist_ok=True)
                ffi = cffi.FFI()
                ffi.cdef(_CDEF)
                ffi.set_source(name, _CSRC, libraries=["crypto"], extra_compile_args=["-O2"])
                work = folder / f"build-{os.getpid()}-{secrets.token_hex(4)}"
                try:
                    out = Path(ffi.compile(tmpdir=str(work), verbose=False))
                    final = folder / out.name
                    os.replace(out, final)  # atomic: concurrent builders end with the same file
                finally:
                    shutil.rmtree(work, ignore_errors=True)
                built = final
            spec = importlib.util.spec_from_file_location(name, built)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            _native_module = module
        except Exception as exc:  # no compiler, no OpenSSL headers, no cffi: the Python engine does it
            log.warning("native HMAC engine unavailable (%s); using the Python engine", type(exc).__name__)
            _native_module = None
        return _native_module


def native_available() -> bool:
    return _load_native() is not None


# --- the tokeniser --------------------------------------------------------------------------


def _pads(key: bytes) -> tuple[bytes, bytes]:
    if len(key) > 64:
        key = hashlib.sha256(key).digest()
    block = key.ljust(64, b"\0")
    return bytes(b ^ 0x36 for b in block), bytes(b ^ 0x5C for b in block)


class HmacTokeniser:
    """``head`` + hex HMAC-SHA256 of ``<entity>:<value>`` under ``key`` (first ``hex_chars`` hex characters).

    With ``head="<domain>.v<version>."`` the output is the token itself. ``engine``: ``"native"``,
    ``"python"`` or ``None`` (native when available). ``threads``: how many threads share one array in
    the native engine (default: the CPUs this process may use).
    """

    def __init__(
        self,
        key: bytes,
        entity: str,
        *,
        head: str = "",
        hex_chars: int = TOKEN_HEX_CHARS,
        engine: str | None = None,
        threads: int | None = None,
    ) -> None:
        if not 2 <= hex_chars <= 64 or hex_chars % 2:
            raise ValueError("hex_chars must be an even number between 2 and 64")
        self.hex_chars = hex_chars
        self.head = head.encode()
        self.width = len(self.head) + hex_chars
        prefix = f"{entity}:".encode()
        ipad, opad = _pads(key)
        self._inner = hashlib.sha256(ipad)
        self._inner.update(prefix)
        self._outer = hashlib.sha256(opad)
        native = _load_native() if engine in (None, "native") else None
        if engine == "native" and native is None:
            raise RuntimeError("the native HMAC engine is not available on this machine")
        self.engine = "native" if native is not None else "python"
        self.threads = max(1, threads or len(os.sched_getaffinity(0)))
        self._pool: ThreadPoolExecutor | None = None
        self._closed = False
        self._cin = self._cout = None
        if native is not None:
            self._lib, self._ffi = native.lib, native.ffi
            self._cin = self._ffi.new("SHA256_CTX *")
            self._cout = self._ffi.new("SHA256_CTX *")
            if not self._lib.confiance_hmac_prepare(key, len(key), prefix, len(prefix), self._cin, self._cout):
                raise RuntimeError("OpenSSL SHA-256 initialisation failed")

    def close(self) -> None:
        """Stop the threads and wipe the key states: the tokeniser cannot be used any more."""
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
        if self.engine == "native" and self._cin is not None:
            size = self._ffi.sizeof("SHA256_CTX")
            self._ffi.memmove(self._cin, bytes(size), size)
            self._ffi.memmove(self._cout, bytes(size), size)
            self._cin = self._cout = None
        self._inner = self._outer = None
        self._closed = True

    def __enter__(self) -> HmacTokeniser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # one value, lists

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("this tokeniser is closed")

    def hexdigest(self, value: str) -> str:
        self._check_open()
        h = self._inner.copy()
        h.update(value.encode())
        o = self._outer.copy()
        o.update(h.digest())
        return self.head.decode() + o.hexdigest()[: self.hex_chars]

    def hexdigests(self, values: Iterable[str | None]) -> list[str | None]:
        arr = pa.array(list(values), type=pa.string())
        return self.hex_array(arr).to_pylist()

    # Arrow arrays

    def hex_array(self, arr: pa.Array | pa.ChunkedArray) -> pa.StringArray:
        """``head`` + hex digest of every value, as a string array of the same length (nulls stay null)."""
        self._check_open()
        if isinstance(arr, pa.ChunkedArray):
            arr = arr.combine_chunks() if arr.num_chunks != 1 else arr.chunk(0)
        if pa.types.is_large_string(arr.type) or pa.types.is_large_binary(arr.type):
            wide = True
        elif pa.types.is_string(arr.type) or pa.types.is_binary(arr.type):
            wide = False
        else:
            raise TypeError(f"expected a string array, got {arr.type}")
        n = len(arr)
        if arr.offset:  # a slice: rebase its buffers (copy) so offsets and validity start at 0
            arr = pa.concat_arrays([arr])
        validity, offsets, data = arr.buffers()[:3]
        out = bytearray(n * self.width)
        if n:
            if self.engine == "native":
                self._native_fill(offsets, data, n, wide, out)
            else:
                self._python_fill(offsets, data, n, wide, out)
        step = self.width
        out_offsets = (
            pa.array(range(0, step * (n + 1), step), type=pa.int32()).buffers()[1] if step * n < 2**31 else None
        )
        if out_offsets is None:
            raise ValueError("array too large for one batch; split it")
        return pa.StringArray.from_buffers(
            n, out_offsets, pa.py_buffer(out), validity if arr.null_count else None, arr.null_count
        )

    def _native_fill(self, offsets: pa.Buffer, data: pa.Buffer | None, n: int, wide: bool, out: bytearray) -> None:
        ffi, lib = self._ffi, self._lib
        off_ptr = ffi.cast("int64_t *" if wide else "int32_t *", offsets.address)
        data_ptr = ffi.cast("unsigned char *", data.address if data is not None and data.size else 0)
        out_ptr = ffi.from_buffer("char[]", out)
        fn = lib.confiance_hmac_hex_i64 if wide else lib.confiance_hmac_hex_i32
        parts = min(self.threads, max(1, n // MIN_SPLIT))
        if parts == 1:
            fn(self._cin, self._cout, data_ptr, off_ptr, 0, n, self.head, len(self.head), self.hex_chars, out_ptr)
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self.threads, thread_name_prefix="hmac")
        bounds = [n * i // parts for i in range(parts + 1)]
        futures = [
            self._pool.submit(
                fn, self._cin, self._cout, data_ptr, off_ptr, a, b, self.head, len(self.head), self.hex_chars, out_ptr
            )
            for a, b in zip(bounds, bounds[1:], strict=False)
        ]
        for f in futures:
            f.result()

    def _python_fill(self, offsets: pa.Buffer, data: pa.Buffer | None, n: int, wide: bool, out: bytearray) -> None:
        offs = memoryview(offsets).cast("q" if wide else "i")[: n + 1].tolist()
        raw = data.to_pybytes() if data is not None else b""
        ci, co, k, head = self._inner.copy, self._outer.copy, self.hex_chars, self.head
        pieces = []
        append = pieces.append
        for a, b in zip(offs, offs[1:], strict=False):
            h = ci()
            h.update(raw[a:b])
            o = co()
            o.update(h.digest())
            append(head + o.hexdigest()[:k].encode())
        out[:] = b"".join(pieces)


def iter_batches(arr: pa.Array | pa.ChunkedArray, size: int) -> Iterator[pa.Array]:
    chunks = arr.chunks if isinstance(arr, pa.ChunkedArray) else [arr]
    for chunk in chunks:
        for start in range(0, len(chunk), size):
            yield chunk.slice(start, size)


def token_head(domain: str, version: int) -> str:
    return f"{domain}.v{version}."


def tokens(
    key: bytes, domain: str, version: int, entity: str, values: Sequence[str | None], engine: str | None = None
) -> list[str | None]:
    """Tokens of ``values`` (None stays None), as :func:`vault.crossing.token_py` computes them one by one."""
    with HmacTokeniser(key, entity, head=token_head(domain, version), engine=engine) as tok:
        return tok.hexdigests(values)


# --- in DuckDB ----------------------------------------------------------------------------


class TokenFunctions:
    """SQL functions ``<name>(VARCHAR) -> VARCHAR`` returning the tokens of one domain key version, per entity.

    ``sql(entity, value_sql)`` is the token expression (NULL for NULL); functions are registered on the
    connection on first use under random names. :meth:`close` disarms them (their key states are wiped,
    a later call fails) but leaves them in the connection's catalog until it closes: DuckDB 1.4's
    ``remove_function`` can leave a dangling catalog entry that crashes the process when called.
    """

    def __init__(self, con, key: bytes, domain: str, version: int, engine: str | None = None) -> None:
        self.con, self._key, self.head, self.engine = con, key, token_head(domain, version), engine
        self._names: dict[str, str] = {}
        self._tokenisers: list[HmacTokeniser] = []

    def name(self, entity: str) -> str:
        if entity not in self._names:
            name = f"confiance_token_{secrets.token_hex(6)}"
            tok = HmacTokeniser(self._key, entity, head=self.head, engine=self.engine)
            self.con.create_function(name, tok.hex_array, ["VARCHAR"], "VARCHAR", type="arrow", side_effects=False)
            self._tokenisers.append(tok)
            self._names[entity] = name
        return self._names[entity]

    def sql(self, entity: str, value_sql: str) -> str:
        return f"{self.name(entity)}({value_sql})"

    def close(self) -> None:
        for tok in self._tokenisers:
            tok.close()
        self._names.clear()
        self._tokenisers.clear()

    def __enter__(self) -> TokenFunctions:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
