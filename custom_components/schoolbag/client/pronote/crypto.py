"""AES, MD5, SHA-256 and RSA as Pronote uses them (Pronote protocol §2.3-2.5, 3.3-3.5, 4.2).

AES is always 128-bit CBC with PKCS#7 padding; keys and IVs are MD5 digests.
Every operation here handles a few hundred bytes at most, so running it on
the event loop is fine.
"""

from __future__ import annotations

from dataclasses import dataclass
import hashlib

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.asymmetric import padding as asym_padding
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicNumbers
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

BLOCK = 16
ZERO_IV = bytes(BLOCK)
# Index Education's public key of the web client (``c_rsaPub_modulo_1024``).
RSA_MODULUS = int(
    "B99B77A3D72D3A29B4271FC7B7300E2F791EB8948174BE7B8024667E915446D4EEA0C2424B8D1EBF7E2DD"
    "FF94691C6E994E839225C627D140A8F1146D1B0B5F18A09BBD3D8F421CA1E3E4796B301EEBCCF80D81A3"
    "2A1580121B8294433C38377083C5517D5921E8A078CDC019B15775292EFDA2C30251B1CCABE812386C89"
    "3E5",
    16,
)
RSA_EXPONENT = 65537


class CryptoError(ValueError):
    """Decryption failed: wrong key or IV, truncated data or bad padding."""


def md5(data: bytes) -> bytes:
    """The 16-byte MD5 digest (a key derivation here, not a security hash)."""
    return hashlib.md5(data, usedforsecurity=False).digest()


EMPTY_KEY = md5(b"")


def sha256_upper_hex(text: str) -> str:
    """Upper-case hex SHA-256 of UTF-8 text."""
    return hashlib.sha256(text.encode()).hexdigest().upper()


def aes_encrypt(key: bytes, iv: bytes, data: bytes) -> bytes:
    """Pad with PKCS#7 and encrypt with AES-CBC."""
    padder = padding.PKCS7(BLOCK * 8).padder()
    padded = padder.update(data) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return encryptor.update(padded) + encryptor.finalize()


def aes_decrypt(key: bytes, iv: bytes, data: bytes) -> bytes:
    """Decrypt AES-CBC and strip the PKCS#7 padding; CryptoError when it is invalid."""
    if not data or len(data) % BLOCK:
        raise CryptoError("ciphertext is not a positive multiple of the block size")
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    plain = decryptor.update(data) + decryptor.finalize()
    unpadder = padding.PKCS7(BLOCK * 8).unpadder()
    try:
        return unpadder.update(plain) + unpadder.finalize()
    except ValueError as err:
        raise CryptoError("invalid padding") from err


def unhex(text: str) -> bytes:
    """Decode hex of either case; CryptoError on anything else."""
    try:
        return bytes.fromhex(text)
    except (TypeError, ValueError) as err:
        raise CryptoError("not a hex string") from err


@dataclass(frozen=True, slots=True)
class AesKey:
    """A key and IV pair (one stage of a session, or a one-off key)."""

    key: bytes = EMPTY_KEY
    iv: bytes = ZERO_IV

    def __repr__(self) -> str:
        """Never show key material."""
        return "AesKey(***)"

    def encrypt(self, data: bytes) -> bytes:
        """Encrypt bytes."""
        return aes_encrypt(self.key, self.iv, data)

    def decrypt(self, data: bytes) -> bytes:
        """Decrypt bytes (CryptoError when the key is wrong)."""
        return aes_decrypt(self.key, self.iv, data)

    def encrypt_hex(self, text: str) -> str:
        """Lower-case hex of the encrypted UTF-8 text."""
        return self.encrypt(text.encode()).hex()

    def decrypt_hex(self, text: str) -> str:
        """Decrypt hex (either case) to UTF-8 text; CryptoError otherwise."""
        try:
            return self.decrypt(unhex(text)).decode()
        except UnicodeDecodeError as err:
            raise CryptoError("plaintext is not UTF-8") from err

    def with_key(self, key: bytes) -> AesKey:
        """The same IV with another key."""
        return AesKey(key, self.iv)


def rsa_encrypt(data: bytes, modulus: int = RSA_MODULUS, exponent: int = RSA_EXPONENT) -> bytes:
    """RSA PKCS#1 v1.5 encryption (the IV sent to plain-HTTP instances)."""
    public_key = RSAPublicNumbers(exponent, modulus).public_key()
    return public_key.encrypt(data, asym_padding.PKCS1v15())


def challenge_key(
    login: str, secret: str, alea: str, *, lower_login: bool, lower_secret: bool
) -> bytes:
    """Key of the login challenge for a password, a QR ``jeton`` or a mobile token."""
    if lower_login:
        login = login.lower()
    if lower_secret:
        secret = secret.lower()
    return md5((login + sha256_upper_hex(alea + secret)).encode())


def ent_challenge_key(secret: str) -> bytes:
    """Key of the login challenge after an ENT/CAS handshake (the bootstrap ``f``)."""
    return md5(sha256_upper_hex(secret).encode())


def session_key_from_cle(text: str) -> bytes:
    """The session key after login: MD5 of the bytes listed in ``"131,7,255,..."``."""
    try:
        material = bytes(int(part) for part in text.split(","))
    except ValueError as err:
        raise CryptoError("the session key material is not a list of bytes") from err
    return md5(material)


def qr_key(pin: str) -> AesKey:
    """Key of the QR code fields: MD5 of the 4-digit PIN, zero IV."""
    return AesKey(md5(pin.encode()), ZERO_IV)
