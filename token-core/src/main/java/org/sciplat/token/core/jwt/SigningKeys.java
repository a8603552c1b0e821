package org.sciplat.token.core.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key JWTs are signed with ({@code sciplat.jwt.signing-key}, a PEM file) and the public keys they are verified
 * with: the current one and those of earlier signing keys ({@code sciplat.jwt.previous-keys}), so JWTs signed
 * before a rotation keep verifying until they expire. Each key is named by its RFC 7638 thumbprint, which only
 * changes with the key itself.
 *
 * <p>Loaded when the application starts, so a missing development key is generated before the first request and a
 * broken key file stops the deployment with the reason instead of failing exchanges one by one.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    private static final int MINIMUM_KEY_SIZE = 2048;

    @Inject
    @ConfigProperty(name = "sciplat.jwt.signing-key")
    String signingKeyFile;

    @Inject
    @ConfigProperty(name = "sciplat.jwt.previous-keys")
    Optional<List<String>> previousKeyFiles;

    private RSAKey signingKey;
    private JWSSigner signer;
    private String jwks;

    @PostConstruct
    void load() {
        RSAPrivateCrtKey current = currentKey(Path.of(signingKeyFile));
        if (current.getModulus().bitLength() < MINIMUM_KEY_SIZE) {
            // RS256 signers refuse shorter keys anyway; say so now rather than at the first exchange
            throw new IllegalStateException("The JWT signing key " + signingKeyFile + " must have at least "
                    + MINIMUM_KEY_SIZE + " bits");
        }
        signingKey = jwk(PemKeys.publicOf(current)).privateKey(current).build();
        try {
            signer = new RSASSASigner(signingKey);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign with the JWT signing key " + signingKeyFile, e);
        }
        List<JWK> published = new ArrayList<>(List.of(signingKey.toPublicJWK()));
        for (String file : previousKeyFiles.orElse(List.of())) {
            if (!file.isBlank()) {
                RSAKey previous = jwk(PemKeys.readPublic(Path.of(file.trim()))).build();
                if (published.stream().noneMatch(k -> k.getKeyID().equals(previous.getKeyID()))) {
                    published.add(previous);
                }
            }
        }
        jwks = new JWKSet(published).toString(true);
        LOG.info(() -> "Signing JWTs with key " + signingKey.getKeyID() + "; publishing " + published.size()
                + " public key(s)");
    }

    /** Signs with the current key, named in the header so a verifier picks the right public key. */
    public String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(signingKey.getKeyID())
                .build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a JWT with key " + signingKey.getKeyID(), e);
        }
        return jwt.serialize();
    }

    /** The public keys as a JSON Web Key Set, ready to serve. */
    public String jwks() {
        return jwks;
    }

    private static RSAPrivateCrtKey currentKey(Path file) {
        if (Files.exists(file)) {
            return PemKeys.readPrivate(file);
        }
        try {
            RSAPrivateCrtKey generated = PemKeys.generate(file);
            LOG.warning(() -> "No JWT signing key at " + file + "; generated one. Keep it, or provide your own.");
            return generated;
        } catch (FileAlreadyExistsException e) {
            return PemKeys.readPrivate(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the JWT signing key " + file + ": " + e.getMessage(), e);
        }
    }

    static RSAKey.Builder jwk(RSAPublicKey key) {
        try {
            return new RSAKey.Builder(key)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint();
        } catch (JOSEException e) {
            throw new IllegalStateException("An RSA public key always has a thumbprint", e);
        }
    }
}
