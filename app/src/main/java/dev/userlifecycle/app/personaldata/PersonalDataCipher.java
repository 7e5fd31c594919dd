package dev.userlifecycle.app.personaldata;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * AES-256-GCM: a random 96-bit IV for every encryption and a 128-bit tag over the ciphertext and the associated data.
 * A sealed value is the IV followed by the ciphertext and tag, so it opens with the key and the same associated data
 * alone. GCM must never see an IV twice under one key; random IVs keep that safe for far more values than one user
 * ever has (NIST SP 800-38D allows 2^32 per key).
 */
final class PersonalDataCipher {

    static final String ALGORITHM = "AES-256-GCM";
    static final int KEY_BYTES = 32;
    static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecureRandom random;

    PersonalDataCipher() {
        this(new SecureRandom());
    }

    PersonalDataCipher(SecureRandom random) {
        this.random = random;
    }

    byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    byte[] seal(byte[] key, byte[] plaintext, byte[] associatedData) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, iv, associatedData);
            ByteBuffer sealed = ByteBuffer.allocate(IV_BYTES + cipher.getOutputSize(plaintext.length));
            sealed.put(iv);
            cipher.doFinal(ByteBuffer.wrap(plaintext), sealed);
            return sealed.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }

    /**
     * The plaintext of a value {@link #seal sealed} with this key and associated data.
     *
     * @throws UnreadablePersonalDataException when the value was altered, or sealed with another key or associated data
     */
    byte[] open(byte[] key, byte[] sealed, byte[] associatedData) {
        if (sealed.length < IV_BYTES + TAG_BITS / 8) {
            throw new UnreadablePersonalDataException("a sealed value of " + sealed.length + " bytes is cut short");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(sealed, IV_BYTES), associatedData);
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new UnreadablePersonalDataException("a sealed value does not open: it was altered, or it belongs to "
                                                      + "another key, user or field");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv, byte[] associatedData)
            throws GeneralSecurityException {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an " + ALGORITHM + " key has " + KEY_BYTES + " bytes, not "
                                               + key.length);
        }
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(associatedData);
        return cipher;
    }
}
