"""Cryptographic primitives of Pronote (Pronote protocol §2.3-2.5, 3.3-3.5, 4.2).

Everything is AES-128-CBC with PKCS#7 padding; keys and IVs are MD5 digests. Built on the
``cryptography`` package (never pycryptodome) so the simulator shares Home Assistant's stack.
"""

from __future__ import annotations

from dataclasses import dataclass
import hashlib
import secrets

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

BLOCK = 16
ZERO_IV = bytes(BLOCK)


class CryptoError(ValueError):
    """Decryption failed (bad key/IV, truncated data or invalid PKCS#7 padding)."""


def md5(data: bytes) -> bytes:
    """Return the 16-byte MD5 digest of ``data``."""
    return hashlib.md5(data, usedforsecurity=False).digest()


EMPTY_KEY = md5(b"")  # d41d8cd98f00b204e9800998ecf8427e, the key before login


def sha256_upper_hex(text: str) -> str:
    """Upper-case hex SHA-256 of the UTF-8 text (the password hash of the challenge key)."""
    return hashlib.sha256(text.encode()).hexdigest().upper()


def pad(data: bytes) -> bytes:
    padder = padding.PKCS7(BLOCK * 8).padder()
    return padder.update(data) + padder.finalize()


def unpad(data: bytes) -> bytes:
    """Strip one PKCS#7 layer; raise :class:`CryptoError` when the padding is invalid."""
    unpadder = padding.PKCS7(BLOCK * 8).unpadder()
    try:
        return unpadder.update(data) + unpadder.finalize()
    except ValueError as err:
        raise CryptoError("invalid PKCS#7 padding") from err


def aes_encrypt(key: bytes, iv: bytes, data: bytes) -> bytes:
    """AES-CBC encrypt ``data`` after PKCS#7 padding."""
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return encryptor.update(pad(data)) + encryptor.finalize()


def aes_decrypt_raw(key: bytes, iv: bytes, data: bytes) -> bytes:
    """AES-CBC decrypt without removing the padding."""
    if not data or len(data) % BLOCK:
        raise CryptoError("ciphertext is not a positive multiple of 16 bytes")
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(data) + decryptor.finalize()


def aes_decrypt(key: bytes, iv: bytes, data: bytes) -> bytes:
    """AES-CBC decrypt and remove the PKCS#7 padding."""
    return unpad(aes_decrypt_raw(key, iv, data))


def unhex(text: str) -> bytes:
    """Decode hex of either case; raise :class:`CryptoError` on anything else."""
    try:
        return bytes.fromhex(text)
    except (TypeError, ValueError) as err:
        raise CryptoError("not a hex string") from err


@dataclass
class CipherState:
    """The key and IV of one session at one stage (S0, S1, S2 of Pronote protocol §2.4)."""

    key: bytes = EMPTY_KEY
    iv: bytes = ZERO_IV

    def encrypt(self, data: bytes) -> bytes:
        return aes_encrypt(self.key, self.iv, data)

    def decrypt(self, data: bytes) -> bytes:
        return aes_decrypt(self.key, self.iv, data)

    def encrypt_hex(self, text: str) -> str:
        """Lower-case hex of the encrypted UTF-8 text."""
        return self.encrypt(text.encode()).hex()

    def decrypt_hex(self, text: str) -> str:
        """Decrypt a hex string (either case) to UTF-8 text."""
        try:
            return self.decrypt(unhex(text)).decode()
        except UnicodeDecodeError as err:
            raise CryptoError("plaintext is not UTF-8") from err

    def copy(self) -> CipherState:
        return CipherState(self.key, self.iv)


def session_iv(uuid_bytes: bytes) -> bytes:
    """The IV of a session: MD5 of the 16 random bytes the client sent as ``Uuid``."""
    return md5(uuid_bytes)


def challenge_key(
    login: str, secret: str, alea: str, *, lower_login: bool, lower_secret: bool
) -> bytes:
    """Key of the login challenge for password, QR ``jeton`` and mobile-token logins.

    See Pronote protocol §3.4.
    """
    if lower_login:
        login = login.lower()
    if lower_secret:
        secret = secret.lower()
    return md5((login + sha256_upper_hex(alea + secret)).encode())


def ent_challenge_key(secret: str) -> bytes:
    """Key of the login challenge after an ENT/CAS handshake (bootstrap ``f``; no login)."""
    return md5(sha256_upper_hex(secret).encode())


def new_session_key_material() -> bytes:
    """Sixteen random bytes K; the session key after login is ``MD5(K)``."""
    return secrets.token_bytes(BLOCK)


def cle_text(material: bytes) -> str:
    """Render key material as Pronote sends it inside ``cle``: ``"131,7,255,..."``."""
    return ",".join(str(byte) for byte in material)


def add_alea(plain: str, filler: str) -> str:
    """Interleave ``filler`` characters after each character of ``plain`` (legacy challenge)."""
    return "".join(char + filler[i % len(filler)] for i, char in enumerate(plain))


def remove_alea(text: str) -> str:
    """Keep the characters at even indexes (what a legacy client does to a challenge)."""
    return text[::2]


def qr_cipher(pin: str) -> CipherState:
    """Cipher of QR-code fields: key ``MD5(PIN)``, zero IV (Pronote protocol §4.2)."""
    return CipherState(md5(pin.encode()), ZERO_IV)


def decrypt_lenient(cipher: CipherState, data: bytes) -> bytes:
    """Decrypt and strip one PKCS#7 layer, then a second one when it is also valid.

    pronotepy pads the ``FichiersExternes`` JSON itself before its AES helper pads again.
    """
    once = cipher.decrypt(data)
    if once and len(once) % BLOCK == 0:
        try:
            return unpad(once)
        except CryptoError:
            return once
    return once
