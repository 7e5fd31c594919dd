package dev.userlifecycle.app.personaldata;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataCipherTest {

    private static final byte[] PLAINTEXT = "{\"name\":\"Li Wei\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] USER_AND_FIELD = "u-1\0contact".getBytes(StandardCharsets.UTF_8);

    private final PersonalDataCipher cipher = new PersonalDataCipher();
    private final byte[] key = cipher.newKey();

    @Test
    void aSealedValueOpensWithItsKeyAndAssociatedData() {
        byte[] sealed = cipher.seal(key, PLAINTEXT, USER_AND_FIELD);

        assertThat(cipher.open(key, sealed, USER_AND_FIELD)).isEqualTo(PLAINTEXT);
    }

    @Test
    void aSealedValueIsARandomIvThenTheCiphertextAndA128BitTag() {
        byte[] first = cipher.seal(key, PLAINTEXT, USER_AND_FIELD);
        byte[] second = cipher.seal(key, PLAINTEXT, USER_AND_FIELD);

        assertThat(first).hasSize(PersonalDataCipher.IV_BYTES + PLAINTEXT.length + 16);
        assertThat(Arrays.copyOf(first, PersonalDataCipher.IV_BYTES))
                .isNotEqualTo(Arrays.copyOf(second, PersonalDataCipher.IV_BYTES));
        assertThat(first).isNotEqualTo(second);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("Li Wei");
    }

    @Test
    void keysAre256BitsAndNeverRepeat() {
        assertThat(key).hasSize(32);
        assertThat(cipher.newKey()).isNotEqualTo(key);
    }

    @Test
    void anotherKeyDoesNotOpenIt() {
        byte[] sealed = cipher.seal(key, PLAINTEXT, USER_AND_FIELD);

        assertThatThrownBy(() -> cipher.open(cipher.newKey(), sealed, USER_AND_FIELD))
                .isInstanceOf(UnreadablePersonalDataException.class);
    }

    @Test
    void aValueMovedToAnotherUserOrFieldDoesNotOpen() {
        byte[] sealed = cipher.seal(key, PLAINTEXT, USER_AND_FIELD);

        assertThatThrownBy(() -> cipher.open(key, sealed, "u-2\0contact".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadablePersonalDataException.class);
        assertThatThrownBy(() -> cipher.open(key, sealed, "u-1\0region".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadablePersonalDataException.class);
    }

    @Test
    void anAlteredIvCiphertextOrTagDoesNotOpen() {
        byte[] sealed = cipher.seal(key, PLAINTEXT, USER_AND_FIELD);

        for (int position : new int[] {0, PersonalDataCipher.IV_BYTES, PersonalDataCipher.IV_BYTES + 5,
                sealed.length - 1}) {
            byte[] altered = sealed.clone();
            altered[position] ^= 0x01;
            assertThatThrownBy(() -> cipher.open(key, altered, USER_AND_FIELD))
                    .as("a bit flipped at byte %d", position)
                    .isInstanceOf(UnreadablePersonalDataException.class);
        }
    }

    @Test
    void aValueCutShortDoesNotOpen() {
        byte[] sealed = cipher.seal(key, PLAINTEXT, USER_AND_FIELD);

        assertThatThrownBy(() -> cipher.open(key, Arrays.copyOf(sealed, 20), USER_AND_FIELD))
                .isInstanceOf(UnreadablePersonalDataException.class);
        assertThatThrownBy(() -> cipher.open(key, Arrays.copyOf(sealed, sealed.length - 1), USER_AND_FIELD))
                .isInstanceOf(UnreadablePersonalDataException.class);
    }

    @Test
    void aKeyOfAnotherSizeIsRefused() {
        assertThatThrownBy(() -> cipher.seal(new byte[16], PLAINTEXT, USER_AND_FIELD))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
