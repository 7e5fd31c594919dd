package dev.userlifecycle.query.api;

import dev.userlifecycle.events.FindPointsLedger;
import dev.userlifecycle.events.FindUserProfile;
import dev.userlifecycle.events.InvalidRequestException;
import dev.userlifecycle.events.PointsLedger;
import dev.userlifecycle.events.UnknownUserException;
import dev.userlifecycle.events.UserProfile;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;
import java.util.concurrent.ExecutionException;

/** The query REST API over the read models. Read models follow the event stream within a short lag. */
@RestController
@RequestMapping("/api/v1/users")
public class UserQueryController {

    private static final int MAX_LEDGER_LIMIT = 500;

    private final QueryGateway queryGateway;

    public UserQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /** The profile of a user; 404 while the profile projection has not seen the user (or there is no such user). */
    @GetMapping("/{userId}")
    public UserProfile profile(@PathVariable String userId) throws InterruptedException, ExecutionException {
        Optional<UserProfile> profile = queryGateway.query(new FindUserProfile(userId),
                                                           ResponseTypes.optionalInstanceOf(UserProfile.class))
                                                    .get();
        return profile.orElseThrow(() -> new UnknownUserException(userId));
    }

    /**
     * A page of the user's points ledger, newest entry first: the entries below {@code before} (a stream sequence
     * number, the {@code next} of the previous page); 404 while the user has no points or tier event.
     */
    @GetMapping("/{userId}/points")
    public PointsLedger points(@PathVariable String userId, @RequestParam(defaultValue = "50") int limit,
                               @RequestParam(required = false) Long before)
            throws InterruptedException, ExecutionException {
        if (limit < 1 || limit > MAX_LEDGER_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LEDGER_LIMIT);
        }
        if (before != null && before < 0) {
            throw new InvalidRequestException("before", "must not be negative");
        }
        Optional<PointsLedger> ledger = queryGateway.query(new FindPointsLedger(userId, limit, before),
                                                           ResponseTypes.optionalInstanceOf(PointsLedger.class))
                                                    .get();
        return ledger.orElseThrow(() -> new UnknownUserException(userId));
    }
}
