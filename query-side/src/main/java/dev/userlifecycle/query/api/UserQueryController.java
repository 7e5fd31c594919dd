package dev.userlifecycle.query.api;

import dev.userlifecycle.events.FindUserProfile;
import dev.userlifecycle.events.UnknownUserException;
import dev.userlifecycle.events.UserProfile;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;
import java.util.concurrent.ExecutionException;

/** The query REST API over the read models. Read models follow the event stream within a short lag. */
@RestController
@RequestMapping("/api/v1/users")
public class UserQueryController {

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
}
