//! OpenID Connect log-in, shared by the web pages and the tests: the
//! provider's discovery document (kept an hour), the authorisation request
//! (code flow with PKCE, `state` and `nonce`), and the callback (code
//! exchange, ID token signature and claims checked, user info read).
//! What to do with the person (log in, link, create) is decided by
//! `participe_domain::sso`, and done by the web layer.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreGenderClaim};
use openidconnect::{
    AuthenticationContextClass, AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointMaybeSet, EndpointNotSet,
    EndpointSet, IssuerUrl, Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier, PostLogoutRedirectUrl,
    ProviderMetadataWithLogout, RedirectUrl, Scope, SubjectIdentifier, TokenResponse, reqwest,
};

use crate::config::Config;
use crate::security::token_hash;
use crate::storage::sso::{self as store, NewRequest, Provider, Request};
use crate::storage::{Db, now};

/// How long a discovery document (and the signing keys it points to) is kept.
const DISCOVERY_TTL: Duration = Duration::from_secs(3600);
/// How long a person has to come back from the provider.
pub const REQUEST_TTL_MINUTES: i64 = 15;
/// Time allowed for each request to a provider.
const HTTP_TIMEOUT: Duration = Duration::from_secs(10);

type Metadata = ProviderMetadataWithLogout;
/// A client made from a discovery document: its token and user-info
/// endpoints may be missing (the calls using them say so).
pub type Client =
    CoreClient<EndpointSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointMaybeSet, EndpointMaybeSet>;

/// The standard claims the site reads (ID token or user info), as strings.
macro_rules! standard_claims {
    ($c:expr) => {{
        let c = $c;
        [
            ("email", c.email().map(|v| v.as_str().to_string())),
            ("email_verified", c.email_verified().map(|v| v.to_string())),
            (
                "name",
                c.name().and_then(|v| v.get(None)).map(|v| v.as_str().to_string()),
            ),
            (
                "given_name",
                c.given_name().and_then(|v| v.get(None)).map(|v| v.as_str().to_string()),
            ),
            (
                "family_name",
                c.family_name()
                    .and_then(|v| v.get(None))
                    .map(|v| v.as_str().to_string()),
            ),
            (
                "nickname",
                c.nickname().and_then(|v| v.get(None)).map(|v| v.as_str().to_string()),
            ),
            (
                "preferred_username",
                c.preferred_username().map(|v| v.as_str().to_string()),
            ),
            ("birthdate", c.birthdate().map(|v| v.as_str().to_string())),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k.to_string(), v)))
        .collect::<Vec<(String, String)>>()
    }};
}

/// Why a log-in through a provider failed. Each is shown to the person as
/// "the log-in did not succeed" and logged with its detail.
#[derive(Debug, thiserror::Error)]
pub enum SsoError {
    #[error("the provider's discovery document could not be read: {0}")]
    Discovery(String),
    #[error("the provider's settings are not usable: {0}")]
    Settings(String),
    #[error("the code could not be exchanged: {0}")]
    Exchange(String),
    #[error("the provider sent no ID token")]
    NoIdToken,
    #[error("the ID token was refused: {0}")]
    IdToken(String),
    #[error("the user info could not be read: {0}")]
    UserInfo(String),
    #[error(transparent)]
    Store(#[from] crate::storage::StoreError),
}

/// What a provider vouched for, after every check.
#[derive(Debug, Clone)]
pub struct Verified {
    pub subject: String,
    /// Standard claims from the ID token, completed by the user info.
    pub claims: BTreeMap<String, String>,
    /// The ID token as received, for the provider's logout.
    pub id_token: String,
}

/// The HTTP client for providers and the discovery documents read so far.
pub struct Sso {
    http: reqwest::Client,
    discovered: Mutex<HashMap<String, (Instant, Arc<Metadata>)>>,
}

impl Default for Sso {
    fn default() -> Self {
        Sso::new()
    }
}

impl Sso {
    pub fn new() -> Sso {
        let http = reqwest::Client::builder()
            // Following redirects would open the client to request forgery.
            .redirect(reqwest::redirect::Policy::none())
            .timeout(HTTP_TIMEOUT)
            .build()
            .unwrap_or_default();
        Sso {
            http,
            discovered: Mutex::new(HashMap::new()),
        }
    }

    /// The provider's discovery document, fetched at most once an hour.
    async fn metadata(&self, issuer: &str) -> Result<Arc<Metadata>, SsoError> {
        if let Some((at, m)) = self.discovered.lock().expect("discovery cache").get(issuer)
            && at.elapsed() < DISCOVERY_TTL
        {
            return Ok(m.clone());
        }
        let url = IssuerUrl::new(issuer.to_string()).map_err(|e| SsoError::Settings(e.to_string()))?;
        let m = Arc::new(
            Metadata::discover_async(url, &self.http)
                .await
                .map_err(|e| SsoError::Discovery(error_chain(&e)))?,
        );
        self.discovered
            .lock()
            .expect("discovery cache")
            .insert(issuer.to_string(), (Instant::now(), m.clone()));
        Ok(m)
    }

    /// Forgets a provider's discovery document (its settings changed).
    pub fn forget(&self, issuer: &str) {
        self.discovered.lock().expect("discovery cache").remove(issuer);
    }

    async fn client(&self, config: &Config, p: &Provider) -> Result<(Client, Arc<Metadata>), SsoError> {
        let m = self.metadata(&p.issuer).await?;
        let secret = config.sso_secrets.get(&p.slug).cloned().map(ClientSecret::new);
        let redirect =
            RedirectUrl::new(callback_url(config, &p.slug)).map_err(|e| SsoError::Settings(e.to_string()))?;
        let client = CoreClient::from_provider_metadata((*m).clone(), ClientId::new(p.client_id.clone()), secret)
            .set_redirect_uri(redirect);
        Ok((client, m))
    }

    /// Starts a log-in: stores the request (state hash, nonce, PKCE
    /// verifier, where to go after) and returns the provider's address to
    /// send the person to, with the state (for the browser's cookie).
    pub async fn start(
        &self,
        db: &Db,
        config: &Config,
        p: &Provider,
        next: &str,
        link_user_id: Option<i64>,
    ) -> Result<(String, String), SsoError> {
        let (client, _) = self.client(config, p).await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .set_pkce_challenge(challenge);
        for scope in p.scopes.split(' ').filter(|s| *s != "openid" && !s.is_empty()) {
            request = request.add_scope(Scope::new(scope.to_string()));
        }
        for acr in p.acr_values.iter().flat_map(|a| a.split(' ')) {
            request = request.add_auth_context_value(AuthenticationContextClass::new(acr.to_string()));
        }
        let (url, state, nonce) = request.url();
        store::start_request(
            db,
            &NewRequest {
                state_hash: &token_hash(state.secret()),
                provider_id: p.id,
                nonce: nonce.secret(),
                pkce_verifier: verifier.secret(),
                next,
                link_user_id,
                expires_at: now() + chrono::Duration::minutes(REQUEST_TTL_MINUTES),
            },
        )
        .await?;
        Ok((url.to_string(), state.secret().clone()))
    }

    /// Finishes a log-in: exchanges the code (with the PKCE verifier), checks
    /// the ID token (signature against the provider's keys, issuer,
    /// audience, expiry, nonce) and reads the user info.
    pub async fn finish(&self, config: &Config, p: &Provider, r: &Request, code: &str) -> Result<Verified, SsoError> {
        let (client, _) = self.client(config, p).await?;
        let token = client
            .exchange_code(AuthorizationCode::new(code.to_string()))
            .map_err(|e| SsoError::Settings(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(r.pkce_verifier.clone()))
            .request_async(&self.http)
            .await
            .map_err(|e| SsoError::Exchange(error_chain(&e)))?;
        let id_token = token.id_token().ok_or(SsoError::NoIdToken)?;
        let raw = id_token.to_string();
        let (subject, mut claims) = self.verify_id_token(&client, &raw, &r.nonce, chrono::Utc::now())?;
        if let Ok(request) = client.user_info(
            token.access_token().clone(),
            Some(SubjectIdentifier::new(subject.clone())),
        ) {
            let info: openidconnect::UserInfoClaims<openidconnect::EmptyAdditionalClaims, CoreGenderClaim> = request
                .request_async(&self.http)
                .await
                .map_err(|e| SsoError::UserInfo(error_chain(&e)))?;
            for (k, v) in standard_claims!(info.standard_claims()) {
                claims.entry(k).or_insert(v);
            }
        }
        Ok(Verified {
            subject,
            claims,
            id_token: raw,
        })
    }

    /// Checks an ID token as `finish` does, at time `at`: its signature, the
    /// issuer, the audience, the expiry and the nonce. Returns the subject
    /// and the standard claims it holds.
    pub fn verify_id_token(
        &self,
        client: &Client,
        raw: &str,
        nonce: &str,
        at: chrono::DateTime<chrono::Utc>,
    ) -> Result<(String, BTreeMap<String, String>), SsoError> {
        let token: openidconnect::core::CoreIdToken = raw
            .parse()
            .map_err(|e: serde_json::Error| SsoError::IdToken(e.to_string()))?;
        let verifier = client.id_token_verifier().set_time_fn(move || at);
        let claims = token
            .claims(&verifier, &Nonce::new(nonce.to_string()))
            .map_err(|e| SsoError::IdToken(error_chain(&e)))?;
        let map = standard_claims!(claims).into_iter().collect();
        Ok((claims.subject().as_str().to_string(), map))
    }

    /// A client for `p` with its keys, for tests of `verify_id_token`.
    pub async fn client_for(&self, config: &Config, p: &Provider) -> Result<Client, SsoError> {
        Ok(self.client(config, p).await?.0)
    }

    /// Where to send a person who logs out of a session opened through `p`,
    /// when the provider offers a logout endpoint: it ends the provider's
    /// session too, then sends them back to the home page.
    pub async fn logout_url(&self, config: &Config, p: &Provider, id_token: &str) -> Option<String> {
        let m = self.metadata(&p.issuer).await.ok()?;
        let end = m.additional_metadata().end_session_endpoint.clone()?;
        let token: openidconnect::core::CoreIdToken = id_token.parse().ok()?;
        let back = PostLogoutRedirectUrl::new(format!("{}/", config.public_url)).ok()?;
        let url = openidconnect::LogoutRequest::from(end)
            .set_id_token_hint(&token)
            .set_client_id(ClientId::new(p.client_id.clone()))
            .set_post_logout_redirect_uri(back)
            // FranceConnect requires a state on logout too.
            .set_state(CsrfToken::new_random())
            .http_get_url();
        Some(url.to_string())
    }
}

/// The address a provider sends people back to.
pub fn callback_url(config: &Config, slug: &str) -> String {
    format!("{}/login/sso/{slug}/callback", config.public_url)
}

/// An error with its causes, for the log.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cause = c.source();
    }
    s
}
