package dev.userlifecycle.command.api;

import dev.userlifecycle.events.ErasePersonalData;
import dev.userlifecycle.events.PersonalDataErasure;
import dev.userlifecycle.events.ValidId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

/** The erasure of a user's personal data (GDPR, PIPL), for administrators. */
@RestController
@RequestMapping("/api/v1/admin/users/{userId}/personal-data")
@Tag(name = "Personal data", description = "Erasing a user's personal data; the history and analytics stay")
public class PersonalDataController {

    /** Who asked, when the request carries no authenticated principal. */
    static final String UNAUTHENTICATED = "unauthenticated";

    private final CommandGateway commands;
    private final BusinessTime time;

    public PersonalDataController(CommandGateway commands, BusinessTime time) {
        this.commands = commands;
        this.time = time;
    }

    @DeleteMapping
    @Operation(summary = "Erase the user's personal data",
               description = "Deletes the user's key, so the contact details in every stored event and copy become "
                       + "unreadable, and records UserPersonalDataErased (who asked, when). 200 with the erasure; a "
                       + "repeated request answers the first erasure and changes nothing; 404 for an unknown user")
    public PersonalDataErasure erase(@PathVariable @ValidId String userId,
                                     @Parameter(hidden = true) Principal principal) {
        String requestedBy = principal == null ? UNAUTHENTICATED : principal.getName();
        return commands.sendAndWait(new ErasePersonalData(userId, requestedBy, time.orNow(null)));
    }
}
