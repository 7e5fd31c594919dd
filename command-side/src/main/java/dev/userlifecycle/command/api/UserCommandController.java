package dev.userlifecycle.command.api;

import dev.userlifecycle.events.ActivateUser;
import dev.userlifecycle.events.ChangeConsents;
import dev.userlifecycle.events.ChannelConsents;
import dev.userlifecycle.events.PurchaseOutcome;
import dev.userlifecycle.events.RecordActivity;
import dev.userlifecycle.events.RecordPurchase;
import dev.userlifecycle.events.RedeemPoints;
import dev.userlifecycle.events.RegisterUser;
import dev.userlifecycle.events.ValidId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The user commands of the API contract. A command is accepted when its events are stored; read models follow.
 * Every POST and PUT takes an optional {@code Idempotency-Key} header (handled before this controller).
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "User commands", description = "What frontends report about users")
public class UserCommandController {

    private final CommandGateway commands;
    private final BusinessTime time;

    public UserCommandController(CommandGateway commands, BusinessTime time) {
        this.commands = commands;
        this.time = time;
    }

    @PostMapping
    @Operation(summary = "Register a user",
               description = "201 with the userId; 409 if the userId exists; 422 for an unknown or same referrer")
    public ResponseEntity<Registered> register(@Valid @RequestBody RegisterUserRequest request) {
        commands.sendAndWait(new RegisterUser(request.userId(), request.channel(), request.referrerId(),
                                              request.region(), request.contact(), request.consents(),
                                              time.orNow(request.occurredAt())));
        return ResponseEntity.created(URI.create("/api/v1/users/" + request.userId()))
                             .body(new Registered(request.userId()));
    }

    @PostMapping("/{userId}/activation")
    @Operation(summary = "Activate a registered user", description = "404 unknown user; 409 already active")
    public Activated activate(@PathVariable @ValidId String userId,
                               @Valid @RequestBody(required = false) OccurredAtRequest request) {
        Instant occurredAt = time.orNow(request == null ? null : request.occurredAt());
        commands.sendAndWait(new ActivateUser(userId, occurredAt));
        return new Activated(userId, occurredAt);
    }

    @PostMapping("/{userId}/activities")
    @Operation(summary = "Report an activity",
               description = "202; only the first activity of a calendar day (platform time zone) is recorded")
    public ResponseEntity<ActivityAccepted> activity(@PathVariable @ValidId String userId,
                                                     @Valid @RequestBody ActivityRequest request) {
        Instant occurredAt = time.orNow(request.occurredAt());
        commands.sendAndWait(new RecordActivity(userId, request.kind(), occurredAt, time.dayOf(occurredAt)));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                             .body(new ActivityAccepted(userId, time.dayOf(occurredAt)));
    }

    @PostMapping("/{userId}/purchases")
    @Operation(summary = "Report a purchase",
               description = "201 when recorded; 200 when this orderId was already recorded for the user")
    public ResponseEntity<PurchaseAnswer> purchase(@PathVariable @ValidId String userId,
                                                   @Valid @RequestBody PurchaseRequest request) {
        Instant occurredAt = time.orNow(request.occurredAt());
        PurchaseOutcome outcome = commands.sendAndWait(
                new RecordPurchase(userId, request.orderId(), request.amount(), occurredAt,
                                   time.dayOf(occurredAt)));
        boolean recorded = outcome == PurchaseOutcome.RECORDED;
        return ResponseEntity.status(recorded ? HttpStatus.CREATED : HttpStatus.OK)
                             .body(new PurchaseAnswer(userId, request.orderId(), recorded));
    }

    @PostMapping("/{userId}/points/redemptions")
    @Operation(summary = "Redeem loyalty points", description = "201; 422 when the points exceed the balance")
    public ResponseEntity<Redeemed> redeem(@PathVariable @ValidId String userId,
                                           @Valid @RequestBody RedemptionRequest request) {
        String redemptionId = request.redemptionId() == null ? UUID.randomUUID().toString() : request.redemptionId();
        commands.sendAndWait(new RedeemPoints(userId, request.points(), request.reason(), redemptionId,
                                              time.orNow(request.occurredAt())));
        return ResponseEntity.status(HttpStatus.CREATED)
                             .body(new Redeemed(userId, redemptionId, request.points()));
    }

    @PutMapping("/{userId}/consents")
    @Operation(summary = "Replace the user's channel consents")
    public ConsentsChanged consents(@PathVariable @ValidId String userId,
                                   @Valid @RequestBody ConsentsRequest request) {
        ChannelConsents consents = new ChannelConsents(request.sms(), request.push(), request.email());
        commands.sendAndWait(new ChangeConsents(userId, consents, time.orNow(request.occurredAt())));
        return new ConsentsChanged(userId, consents);
    }

    /** The answer to a registration. */
    public record Registered(String userId) {
    }

    /** The answer to an activation: when it took effect. */
    public record Activated(String userId, Instant activatedAt) {
    }

    /** The answer to an activity: the calendar day it counts for (platform time zone). */
    public record ActivityAccepted(String userId, LocalDate day) {
    }

    /** The answer to a purchase: {@code recorded} is false for an order id the user had already. */
    public record PurchaseAnswer(String userId, String orderId, boolean recorded) {
    }

    /** The answer to a redemption. */
    public record Redeemed(String userId, String redemptionId, long points) {
    }

    /** The answer to a change of consents: the consents now in force. */
    public record ConsentsChanged(String userId, ChannelConsents consents) {
    }
}
