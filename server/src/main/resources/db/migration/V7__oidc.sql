-- The OpenID Connect subject (the provider's `sub`) a user first signed in with through the agency's provider.
-- Later sign-ins must come with the same subject: a provider that hands a user name on to someone else
-- (people leave, names are reused) does not hand them the Ariadne account too. Clear it to re-bind.
alter table app_user add column oidc_subject text unique;
