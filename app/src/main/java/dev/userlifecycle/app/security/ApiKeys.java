package dev.userlifecycle.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The API keys that may call the service. Only their SHA-256 digests are kept, and a presented key is found by
 * comparing its digest with every configured one in constant time ({@link MessageDigest#isEqual}), without stopping
 * at a match: how long a check takes tells nothing about how close a guess came.
 */
final class ApiKeys {

    static final int MIN_KEY_LENGTH = 16;
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@:-]{0,63}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    /** The owner of a key and what it may do. */
    record Holder(String owner, Set<ApiRole> roles) {
    }

    private record Stored(byte[] digest, Holder holder) {
    }

    private final List<Stored> keys;

    private ApiKeys(List<Stored> keys) {
        this.keys = keys;
    }

    /** The configured keys; a key that is malformed, too short, roleless or given twice stops the process. */
    static ApiKeys of(List<ApiKeyEntry> entries) {
        List<Stored> keys = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Stored stored = stored(entries.get(i), "lifecycle.security.api-keys[" + i + "]");
            if (keys.stream().anyMatch(other -> MessageDigest.isEqual(other.digest(), stored.digest()))) {
                throw new IllegalStateException("lifecycle.security.api-keys[" + i + "] repeats an earlier key");
            }
            keys.add(stored);
        }
        return new ApiKeys(List.copyOf(keys));
    }

    /** A new random key (256 bits, base64url) with every role, for {@code owner}. */
    static Generated generate(String owner) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Holder holder = new Holder(owner, Set.of(ApiRole.values()));
        return new Generated(key, new ApiKeys(List.of(new Stored(sha256(key), holder))));
    }

    record Generated(String key, ApiKeys keys) {
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }

    Optional<Holder> find(String presented) {
        byte[] digest = sha256(presented);
        Holder found = null;
        for (Stored key : keys) {
            if (MessageDigest.isEqual(key.digest(), digest)) {
                found = key.holder();
            }
        }
        return Optional.ofNullable(found);
    }

    private static Stored stored(ApiKeyEntry entry, String name) {
        if (entry.owner() == null || !OWNER.matcher(entry.owner()).matches()) {
            throw new IllegalStateException(name + ".owner must be 1 to 64 letters, digits or ._@:- (it is the "
                                                    + "principal recorded on the key's events)");
        }
        if (entry.roles().isEmpty()) {
            throw new IllegalStateException(name + " (owner " + entry.owner() + ") has no roles");
        }
        boolean hasKey = entry.key() != null && !entry.key().isEmpty();
        boolean hasDigest = entry.keySha256() != null && !entry.keySha256().isEmpty();
        if (hasKey == hasDigest) {
            throw new IllegalStateException(name + " (owner " + entry.owner() + ") needs either key or key-sha256");
        }
        byte[] digest;
        if (hasKey) {
            if (entry.key().length() < MIN_KEY_LENGTH) {
                throw new IllegalStateException(name + " (owner " + entry.owner() + "): a key needs at least "
                                                        + MIN_KEY_LENGTH + " characters");
            }
            digest = sha256(entry.key());
        } else {
            if (!SHA256_HEX.matcher(entry.keySha256()).matches()) {
                throw new IllegalStateException(name + ".key-sha256 (owner " + entry.owner() + ") must be 64 hex "
                                                        + "digits");
            }
            digest = HexFormat.of().parseHex(entry.keySha256().toLowerCase(java.util.Locale.ROOT));
        }
        return new Stored(digest, new Holder(entry.owner(), entry.roles()));
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
