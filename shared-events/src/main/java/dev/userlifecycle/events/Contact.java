package dev.userlifecycle.events;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Personal contact data, every part optional. Stored only encrypted per user, so that it can be erased. */
@PersonalData
public record Contact(
        @Size(max = 200) String name,
        @Email @Size(max = 254) String email,
        @Pattern(regexp = "\\+?[0-9][0-9 ()-]{2,31}", message = "must be a phone number") String phone) {
}
