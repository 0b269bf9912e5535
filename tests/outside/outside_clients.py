"""Microsoft's own Python libraries against the Graph simulator: msal for every sign-in flow,
msgraph-sdk and msgraph-beta-sdk for users, roles, methods, requirements, contacts, devices,
administrative units, group settings, domain federation,
$batch and paging.
They are what show the simulator is Graph-shaped, not shaped by the bridge's client.

Usage: python outside_clients.py MSOL_BRIDGE_EXE  (run by tests/outside/run.sh)

MSAL and the Graph SDK's authentication provider accept https only, so the simulator is reached
through a TLS terminator on loopback with a certificate made for this run.
"""

import asyncio
import datetime
import http.client
import http.server
import ipaddress
import json
import os
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import uuid

import httpx
import jwt
import msal
from azure.core.credentials import AccessToken
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from kiota_authentication_azure.azure_identity_authentication_provider import (
    AzureIdentityAuthenticationProvider,
)
from msgraph import GraphRequestAdapter, GraphServiceClient
from msgraph.generated.models.password_profile import PasswordProfile
from msgraph.generated.models.phone_authentication_method import PhoneAuthenticationMethod
from msgraph.generated.models.authentication_phone_type import AuthenticationPhoneType
from msgraph.generated.models.user import User
from msgraph.generated.devices.devices_request_builder import DevicesRequestBuilder
from msgraph.generated.models.administrative_unit import AdministrativeUnit
from msgraph.generated.models.application import Application
from msgraph.generated.models.group import Group
from msgraph.generated.models.group_setting import GroupSetting
from msgraph.generated.models.authentication_protocol import AuthenticationProtocol
from msgraph.generated.models.federated_idp_mfa_behavior import FederatedIdpMfaBehavior
from msgraph.generated.models.identity import Identity
from msgraph.generated.models.internal_domain_federation import InternalDomainFederation
from msgraph.generated.models.prompt_login_behavior import PromptLoginBehavior
from msgraph.generated.models.reference_create import ReferenceCreate
from msgraph.generated.models.scoped_role_membership import ScopedRoleMembership
from msgraph.generated.models.setting_value import SettingValue
from msgraph.generated.models.authorization_policy import AuthorizationPolicy
from msgraph.generated.models.device import Device
from msgraph.generated.models.on_premises_directory_synchronization import (
    OnPremisesDirectorySynchronization,
)
from msgraph.generated.models.on_premises_directory_synchronization_feature import (
    OnPremisesDirectorySynchronizationFeature,
)
from msgraph.generated.models.default_user_role_permissions import DefaultUserRolePermissions
from msgraph.generated.models.domain import Domain
from msgraph.generated.models.o_data_errors.o_data_error import ODataError
from msgraph.generated.models.key_credential import KeyCredential
from msgraph.generated.models.service_principal import ServicePrincipal
from msgraph.generated.service_principals.item.service_principal_item_request_builder import (
    ServicePrincipalItemRequestBuilder,
)
from msgraph.generated.users.users_request_builder import UsersRequestBuilder
from msgraph_beta import GraphRequestAdapter as BetaRequestAdapter
from msgraph_beta import GraphServiceClient as BetaServiceClient
from msgraph_beta.generated.models.per_user_mfa_state import PerUserMfaState
from msgraph_beta.generated.models.strong_authentication_requirements import (
    StrongAuthenticationRequirements,
)
from msgraph_core import GraphClientFactory
from msgraph_core.requests.batch_request_content import BatchRequestContent
from msgraph_core.requests.batch_request_item import BatchRequestItem
from msgraph_core.tasks.page_iterator import PageIterator

GRAPH_POWERSHELL = "14d82eec-204b-4c2f-b7e8-296a70dab67e"
APP_SECRET = "outside-client-secret-0123456789"
AUTHENTICATION_POLICY_ADMINISTRATOR = "0526716b-113d-4c15-b2c8-68e3c22b9f80"
GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10"
HELPDESK_ADMINISTRATOR = "729827e3-9c14-49f7-bb1b-9608f156bbb8"
EXCHANGE_APP = "00000002-0000-0ff1-ce00-000000000000"
# What the simulated tenant consented for Graph PowerShell's client: all but Directory.ReadWrite.All.
PUBLIC_CLIENT_CONSENT = ["User.Read.All", "User.ReadWrite.All", "Directory.Read.All"]


def make_certificate(folder):
    """A self-signed certificate for 127.0.0.1, and its key, as PEM files."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "graph-sim test")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path = os.path.join(folder, "cert.pem")
    key_path = os.path.join(folder, "key.pem")
    with open(cert_path, "wb") as f:
        f.write(certificate.public_bytes(serialization.Encoding.PEM))
    with open(key_path, "wb") as f:
        f.write(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
    return cert_path, key_path


def tls_terminator(backend_port, cert_path, key_path):
    """Serves https on a free loopback port and forwards every exchange to the simulator,
    keeping Host and saying X-Forwarded-Proto: https so that its links point here."""

    class Forward(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def forward(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {k: v for k, v in self.headers.items() if k.lower() != "connection"}
            headers["X-Forwarded-Proto"] = "https"
            upstream = http.client.HTTPConnection("127.0.0.1", backend_port, timeout=60)
            upstream.request(self.command, self.path, body=body, headers=headers)
            answer = upstream.getresponse()
            data = answer.read()
            self.send_response(answer.status)
            for key, value in answer.getheaders():
                if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            upstream.close()

        do_GET = do_POST = do_PATCH = do_DELETE = do_PUT = forward

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Forward)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class StaticCredential:
    """An azure-core TokenCredential over a token MSAL acquired."""

    def __init__(self, token):
        self.token = token

    def get_token(self, *scopes, **kwargs):
        return AccessToken(self.token, int(time.time()) + 3000)

    def get_token_info(self, *scopes, **kwargs):
        return self.get_token(*scopes)


class Simulator:
    def __init__(self, exe, folder, certificate, limit_scale="0"):
        tenant = os.path.join(folder, f"demo-{limit_scale}.db")
        subprocess.run([exe, "tenant", "demo", "--tenant", tenant], check=True, capture_output=True)
        env = dict(os.environ, MSOL_BRIDGE_SIM_CLIENT_SECRET=APP_SECRET)
        self.process = subprocess.Popen(
            [exe, "graph-sim", "--auto-approve", "--tenant", tenant, "--limit-scale", limit_scale,
             "--consent", GRAPH_POWERSHELL + "=" + ",".join(PUBLIC_CLIENT_CONSENT)],
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )
        ready = json.loads(self.process.stdout.readline())
        assert ready["Event"] == "Ready", ready
        self.app_id = ready["AppId"]
        self.domain = ready["InitialDomain"]
        self.tenant_id = ready["TenantId"]
        port = int(ready["Url"].rsplit(":", 1)[1])
        self.cert_path, key_path = certificate
        self.proxy = tls_terminator(port, self.cert_path, key_path)
        self.url = f"https://127.0.0.1:{self.proxy.server_address[1]}"
        self.authority = f"{self.url}/{self.domain}"

    def stop(self):
        self.proxy.shutdown()
        self.process.kill()


SIM = None
# The same tenant with a thousandth of the documented limits, to be throttled.
THROTTLED = None


def app_token(sim=None):
    sim = sim or SIM
    app = msal.ConfidentialClientApplication(
        sim.app_id,
        client_credential=APP_SECRET,
        authority=sim.authority,
        instance_discovery=False,
    )
    return app.acquire_token_for_client(scopes=["https://graph.microsoft.com/.default"])


def public_client():
    """Microsoft Graph PowerShell's public client, as MSAL signs in with it."""
    return msal.PublicClientApplication(
        GRAPH_POWERSHELL, authority=SIM.authority, instance_discovery=False
    )


def graph_clients(token, sim=None):
    """msgraph-sdk and msgraph-beta-sdk clients against the simulator, with their default
    middleware (retries included) and this run's certificate trusted."""
    sim = sim or SIM
    credential = StaticCredential(token)
    host = "127.0.0.1"
    clients = []
    for adapter_type, service_type, version in (
        (GraphRequestAdapter, GraphServiceClient, "v1.0"),
        (BetaRequestAdapter, BetaServiceClient, "beta"),
    ):
        provider = AzureIdentityAuthenticationProvider(
            credential, scopes=["https://graph.microsoft.com/.default"], allowed_hosts=[host]
        )
        http_client = GraphClientFactory.create_with_default_middleware(
            client=httpx.AsyncClient(
                verify=ssl.create_default_context(cafile=sim.cert_path), timeout=60
            )
        )
        adapter = adapter_type(provider, client=http_client)
        adapter.base_url = f"{sim.url}/{version}"
        clients.append(service_type(request_adapter=adapter))
    return clients


class SignInFlows(unittest.TestCase):
    """msal: client credentials, device code, refresh, password."""

    def test_client_credentials_give_an_app_token_with_roles(self):
        answer = app_token()
        self.assertIn("access_token", answer, answer)
        claims = jwt.decode(answer["access_token"], options={"verify_signature": False})
        self.assertIn("Policy.ReadWrite.AuthenticationMethod", claims["roles"])
        self.assertNotIn("scp", claims)

    def test_device_code_caches_an_account_and_refreshes_silently(self):
        app = public_client()
        scopes = ["https://graph.microsoft.com/User.Read.All"]
        flow = app.initiate_device_flow(scopes=scopes)
        self.assertIn("user_code", flow, flow)
        answer = app.acquire_token_by_device_flow(flow)
        self.assertIn("access_token", answer, answer)
        self.assertIn("refresh_token", answer)
        self.assertEqual(
            jwt.decode(answer["access_token"], options={"verify_signature": False})["scp"],
            "User.Read.All",
        )
        accounts = app.get_accounts()
        self.assertEqual(len(accounts), 1, "an id_token and client_info let MSAL keep the account")
        self.assertIn("@", accounts[0]["username"], "the signed-in user's name")
        renewed = app.acquire_token_silent(scopes, account=accounts[0], force_refresh=True)
        self.assertIn("access_token", renewed, renewed)
        self.assertNotEqual(renewed["access_token"], answer["access_token"])

    def test_password_sign_in_works_for_a_user_without_mfa(self):
        v1, _ = graph_clients(app_token()["access_token"])
        upn = f"ropc.user@{SIM.domain}"
        asyncio.run(create_user(v1, upn, "Ropc-Pa55word!"))
        app = public_client()
        answer = app.acquire_token_by_username_password(
            upn, "Ropc-Pa55word!", scopes=["https://graph.microsoft.com/User.Read.All"]
        )
        self.assertIn("access_token", answer, answer)
        wrong = app.acquire_token_by_username_password(
            upn, "not-it", scopes=["https://graph.microsoft.com/User.Read.All"]
        )
        self.assertEqual(wrong.get("error"), "invalid_grant", wrong)
        self.assertIn(50126, wrong.get("error_codes", []), wrong)

    def test_a_scope_the_tenant_never_consented_gets_the_consent_error(self):
        v1, _ = graph_clients(app_token()["access_token"])
        upn = f"consent.user@{SIM.domain}"
        asyncio.run(create_user(v1, upn, "Consent-Pa55word!"))
        app = public_client()
        # The simulator runs with --consent for this client without Directory.ReadWrite.All.
        answer = app.acquire_token_by_username_password(
            upn, "Consent-Pa55word!", scopes=["https://graph.microsoft.com/Directory.ReadWrite.All"]
        )
        self.assertIn(65001, answer.get("error_codes", []), answer)


async def create_user(client, upn, password):
    user = User(
        account_enabled=True,
        display_name=upn.split("@")[0],
        mail_nickname=upn.split("@")[0].replace(".", ""),
        user_principal_name=upn,
        password_profile=PasswordProfile(
            password=password, force_change_password_next_sign_in=False
        ),
    )
    return await client.users.post(user)


class GraphSdk(unittest.TestCase):
    """msgraph-sdk and msgraph-beta-sdk with an app token."""

    def setUp(self):
        self.v1, self.beta = graph_clients(app_token()["access_token"])

    def test_users_page_to_the_end(self):
        async def run():
            config = UsersRequestBuilder.UsersRequestBuilderGetRequestConfiguration(
                query_parameters=UsersRequestBuilder.UsersRequestBuilderGetQueryParameters(
                    top=7, select=["id", "userPrincipalName"]
                )
            )
            first = await self.v1.users.get(request_configuration=config)
            self.assertIsNotNone(first.odata_next_link, "more than one page")
            seen = []
            iterator = PageIterator(first, self.v1.request_adapter)

            def collect(user):
                seen.append(user.id)
                return True

            await iterator.iterate(collect)
            return seen

        seen = asyncio.run(run())
        self.assertGreater(len(seen), 7)
        self.assertEqual(len(seen), len(set(seen)), "no user twice")

    def test_roles_templates_and_members_through_the_user_cast(self):
        async def run():
            templates = await self.v1.directory_role_templates.get()
            names = {t.display_name for t in templates.value}
            self.assertIn("Authentication Policy Administrator", names)
            roles = await self.v1.directory_roles.get()
            admin = next(r for r in roles.value if r.role_template_id == GLOBAL_ADMINISTRATOR)
            members = await self.v1.directory_roles.by_directory_role_id(
                admin.id
            ).members.graph_user.get()
            self.assertTrue(members.value, "the Global Administrator role has a user")
            self.assertTrue(all(m.user_principal_name for m in members.value))

        asyncio.run(run())

    def test_phone_methods_and_per_user_mfa_state(self):
        async def run():
            upn = f"mfa.user@{SIM.domain}"
            created = await create_user(self.v1, upn, "Mfa-Pa55word!")
            phone = PhoneAuthenticationMethod(
                phone_number="+1 4255550123", phone_type=AuthenticationPhoneType.Mobile
            )
            added = await self.v1.users.by_user_id(created.id).authentication.phone_methods.post(
                phone
            )
            self.assertEqual(added.phone_number, "+1 4255550123")
            methods = await self.v1.users.by_user_id(created.id).authentication.methods.get()
            kinds = {m.odata_type for m in methods.value}
            self.assertIn("#microsoft.graph.phoneAuthenticationMethod", kinds)
            requirements = self.beta.users.by_user_id(created.id).authentication.requirements
            await requirements.patch(
                StrongAuthenticationRequirements(per_user_mfa_state=PerUserMfaState.Enabled)
            )
            state = await requirements.get()
            # Enabled with a registered method becomes enforced, as Graph documents.
            self.assertEqual(state.per_user_mfa_state, PerUserMfaState.Enforced)

        asyncio.run(run())

    def test_batch_answers_each_item(self):
        async def run():
            content = BatchRequestContent()
            first = BatchRequestItem(
                request_information=self.v1.organization.to_get_request_information()
            )
            second = BatchRequestItem(
                request_information=self.v1.users.by_user_id(
                    "no-such-user@" + SIM.domain
                ).to_get_request_information()
            )
            content.add_request(first.id, first)
            content.add_request(second.id, second)
            answer = await self.v1.batch.post(batch_request_content=content)
            codes = answer.get_response_status_codes()
            self.assertEqual(codes[first.id], 200)
            self.assertEqual(codes[second.id], 404)

        asyncio.run(run())


class DirectoryResources(unittest.TestCase):
    """msgraph-sdk's own models against the simulator's organization-adjacent resources: the
    company's subscriptions, a domain's password policy and a service principal's
    keyCredentials, written and read back as the SDK shapes them."""

    def setUp(self):
        self.v1, _ = graph_clients(app_token()["access_token"])

    def test_subscriptions_and_a_domains_password_policy(self):
        async def run():
            subscriptions = await self.v1.directory.subscriptions.get()
            self.assertTrue(subscriptions.value)
            parts = {s.sku_part_number for s in subscriptions.value}
            self.assertIn("ENTERPRISEPACK", parts)
            self.assertTrue(all(s.total_licenses > 0 and s.status for s in subscriptions.value))
            self.assertTrue(any(s.is_trial for s in subscriptions.value), "the demo's EMS trial")
            domain = self.v1.domains.by_domain_id(SIM.domain)
            await domain.patch(
                Domain(password_validity_period_in_days=60, password_notification_window_in_days=14)
            )
            read = await domain.get()
            self.assertEqual(
                (read.password_validity_period_in_days, read.password_notification_window_in_days),
                (60, 14),
            )

        asyncio.run(run())

    def test_a_domain_is_added_with_its_verification_records_and_waits_for_them(self):
        async def run():
            created = await self.v1.domains.post(Domain(id="outside-client.example.com"))
            self.assertFalse(created.is_verified)
            domain = self.v1.domains.by_domain_id(created.id)
            records = (await domain.verification_dns_records.get()).value
            kinds = {type(r).__name__: r for r in records}
            txt, mx = kinds["DomainDnsTxtRecord"], kinds["DomainDnsMxRecord"]
            self.assertEqual(txt.text, "MS=" + mx.mail_exchange.split(".")[0])
            self.assertEqual((mx.preference, mx.ttl, mx.label), (32767, 3600, created.id))
            with self.assertRaises(ODataError) as refused:
                await domain.verify.post()
            self.assertEqual(refused.exception.response_status_code, 400)
            self.assertFalse((await domain.get()).is_verified)

        asyncio.run(run())

    def test_the_authorization_policy_is_read_and_updated_in_part(self):
        async def run():
            policy = self.v1.policies.authorization_policy
            before = await policy.get()
            self.assertTrue(before.default_user_role_permissions.allowed_to_create_security_groups)
            await policy.patch(
                AuthorizationPolicy(
                    default_user_role_permissions=DefaultUserRolePermissions(
                        allowed_to_create_security_groups=False
                    )
                )
            )
            after = await policy.get()
            self.assertFalse(after.default_user_role_permissions.allowed_to_create_security_groups)
            self.assertEqual(
                after.default_user_role_permissions.allowed_to_read_other_users,
                before.default_user_role_permissions.allowed_to_read_other_users,
                "what the update left out keeps its value",
            )
            self.assertEqual(after.allowed_to_use_s_s_p_r, before.allowed_to_use_s_s_p_r)

        asyncio.run(run())

    def test_organizational_contacts_read_with_their_addresses_phones_and_errors(self):
        async def run():
            contacts = await self.v1.contacts.get()
            by_name = {c.display_name: c for c in contacts.value}
            self.assertIn("Ana Souza", by_name)
            ana = by_name["Ana Souza"]
            self.assertEqual(ana.mail, "ana.souza@fabrikam.com")
            self.assertEqual(ana.addresses[0].city, "Lisbon")
            self.assertEqual(ana.phones[0].type.value, "business")
            carla = await self.v1.contacts.by_org_contact_id(by_name["Carla Reyes"].id).get()
            error = carla.on_premises_provisioning_errors[0]
            self.assertEqual((error.category, error.property_causing_error), ("PropertyConflict", "ProxyAddress"))
            self.assertIsNotNone(error.occurred_date_time)
            self.assertFalse(carla.service_provisioning_errors[0].is_resolved)

        asyncio.run(run())

    def test_devices_list_with_their_owners_and_change_as_an_application_may(self):
        async def run():
            config = DevicesRequestBuilder.DevicesRequestBuilderGetRequestConfiguration(
                query_parameters=DevicesRequestBuilder.DevicesRequestBuilderGetQueryParameters(
                    expand=["registeredOwners($select=id,userPrincipalName)"]
                )
            )
            devices = (await self.v1.devices.get(request_configuration=config)).value
            by_name = {d.display_name: d for d in devices}
            laptop, galaxy = by_name["LAPTOP-MEGAN01"], by_name["Galaxy-S21-ADELE"]
            self.assertEqual(laptop.trust_type, "AzureAd")
            self.assertEqual(laptop.registered_owners[0].user_principal_name, "megan.bowen@contoso.com")
            # Edm.Binary: the SDK decodes the base64 itself.
            key = by_name["DESKTOP-HR-042"].alternative_security_ids[0].key
            self.assertTrue(key.decode("utf-16-le").startswith("X509:<SHA1-TP-PUBKEY>"))
            by_device_id = await self.v1.devices_with_device_id(str(laptop.device_id)).get()
            self.assertEqual(by_device_id.id, laptop.id)
            await self.v1.devices.by_device_id(laptop.id).patch(Device(account_enabled=False))
            self.assertFalse((await self.v1.devices.by_device_id(laptop.id).get()).account_enabled)
            with self.assertRaises(ODataError) as refused:
                await self.v1.devices.by_device_id(galaxy.id).patch(Device(account_enabled=False))
            self.assertEqual(refused.exception.response_status_code, 403, "applications change only Windows devices")
            await self.v1.devices.by_device_id(by_name["KIOSK-LOBBY"].id).delete()
            with self.assertRaises(ODataError) as gone:
                await self.v1.devices.by_device_id(by_name["KIOSK-LOBBY"].id).get()
            self.assertEqual(gone.exception.response_status_code, 404)

        asyncio.run(run())

    def test_synchronization_features_change_in_part_for_a_signed_in_global_administrator(self):
        # Any client but Graph PowerShell's gets what it asks, signed in as a Global Administrator.
        app = msal.PublicClientApplication(
            str(uuid.uuid4()), authority=SIM.authority, instance_discovery=False
        )
        flow = app.initiate_device_flow(
            scopes=["https://graph.microsoft.com/OnPremDirectorySynchronization.ReadWrite.All"]
        )
        delegated, _ = graph_clients(app.acquire_token_by_device_flow(flow)["access_token"])

        async def run():
            listed = (await delegated.directory.on_premises_synchronization.get()).value
            self.assertEqual(len(listed), 1, "the tenant's one object")
            before = listed[0]
            self.assertTrue(before.features.password_sync_enabled, "the demo synchronizes passwords")
            self.assertEqual(before.configuration.accidental_deletion_prevention.alert_threshold, 500)
            item = delegated.directory.on_premises_synchronization.by_on_premises_directory_synchronization_id(before.id)
            await item.patch(
                OnPremisesDirectorySynchronization(
                    features=OnPremisesDirectorySynchronizationFeature(block_soft_match_enabled=True)
                )
            )
            after = await item.get()
            self.assertTrue(after.features.block_soft_match_enabled)
            self.assertTrue(after.features.password_sync_enabled, "what the update left out keeps its value")
            with self.assertRaises(ODataError) as refused:
                await self.v1.directory.on_premises_synchronization.get()
            self.assertEqual(refused.exception.response_status_code, 403, "applications have no permission for it")

        asyncio.run(run())

    def test_an_application_gets_one_service_principal_which_is_deleted_alone(self):
        async def run():
            application = await self.v1.applications.post(Application(display_name="Outside LOB"))
            self.assertIsNotNone(application.app_id)
            principal = await self.v1.service_principals.post(
                ServicePrincipal(app_id=application.app_id, service_principal_names=["OutsideLob/lob.example"])
            )
            self.assertEqual(principal.display_name, "Outside LOB", "the application's name")
            self.assertIn(application.app_id, principal.service_principal_names)
            with self.assertRaises(ODataError) as twice:
                await self.v1.service_principals.post(ServicePrincipal(app_id=application.app_id))
            self.assertEqual(twice.exception.response_status_code, 409)
            with self.assertRaises(ODataError) as foreign:
                await self.v1.service_principals.post(ServicePrincipal(app_id=str(uuid.uuid4())))
            self.assertEqual(foreign.exception.response_status_code, 400)
            await self.v1.service_principals.by_service_principal_id(principal.id).delete()
            with self.assertRaises(ODataError) as gone:
                await self.v1.service_principals.by_service_principal_id(principal.id).get()
            self.assertEqual(gone.exception.response_status_code, 404)

        asyncio.run(run())

    def test_administrative_units_take_members_and_scoped_roles_as_the_sdk_sends_them(self):
        async def run():
            units = self.v1.directory.administrative_units
            listed = {u.display_name: u for u in (await units.get()).value}
            west = listed["West Coast"]
            self.assertEqual(west.description, "West Coast region")
            created = await units.post(
                AdministrativeUnit(display_name="Outside Unit", description="SDK", visibility="HiddenMembership")
            )
            self.assertEqual(created.visibility, "HiddenMembership")
            unit = units.by_administrative_unit_id(created.id)
            lee = await self.v1.users.by_user_id("lee.gu@contoso.com").get()
            await unit.members.ref.post(
                ReferenceCreate(odata_id=f"https://graph.microsoft.com/v1.0/directoryObjects/{lee.id}")
            )
            with self.assertRaises(ODataError) as twice:
                await unit.members.ref.post(
                    ReferenceCreate(odata_id=f"https://graph.microsoft.com/v1.0/directoryObjects/{lee.id}")
                )
            self.assertEqual(twice.exception.response_status_code, 400)
            members = (await unit.members.get()).value
            self.assertEqual([type(m).__name__ for m in members], ["User"], "the SDK reads the member as a user")
            west_members = (await units.by_administrative_unit_id(west.id).members.get()).value
            self.assertEqual(
                sorted(type(m).__name__ for m in west_members), ["Device", "Group", "User", "User"]
            )
            memberships = (await self.v1.users.by_user_id(lee.id).member_of.get()).value
            self.assertEqual(
                sorted(m.display_name for m in memberships if type(m).__name__ == "AdministrativeUnit"),
                ["Outside Unit", "West Coast"],
            )
            scoped = (await units.by_administrative_unit_id(west.id).scoped_role_members.get()).value
            self.assertEqual(scoped[0].role_member_info.display_name, "Nestor Wilke")
            roles = {r.id: r.role_template_id for r in (await self.v1.directory_roles.get()).value}
            self.assertEqual(roles[scoped[0].role_id], HELPDESK_ADMINISTRATOR, "roleId is the activated role's id")
            added = await unit.scoped_role_members.post(
                ScopedRoleMembership(role_id=scoped[0].role_id, role_member_info=Identity(id=lee.id))
            )
            self.assertEqual(added.administrative_unit_id, created.id)
            global_admin = next(i for i, t in roles.items() if t == GLOBAL_ADMINISTRATOR)
            with self.assertRaises(ODataError) as unscopable:
                await unit.scoped_role_members.post(
                    ScopedRoleMembership(role_id=global_admin, role_member_info=Identity(id=lee.id))
                )
            self.assertEqual(unscopable.exception.response_status_code, 400)
            await unit.scoped_role_members.by_scoped_role_membership_id(added.id).delete()
            await unit.members.by_directory_object_id(lee.id).ref.delete()
            self.assertEqual((await unit.members.get()).value, [])
            await unit.delete()
            with self.assertRaises(ODataError) as gone:
                await unit.get()
            self.assertEqual(gone.exception.response_status_code, 404)

        asyncio.run(run())

    def test_group_settings_are_made_from_templates_and_updated_whole(self):
        async def run():
            templates = {t.display_name: t for t in (await self.v1.group_setting_templates.get()).value}
            unified = templates["Group.Unified"]
            self.assertEqual(len(unified.values), 15)
            tenant = (await self.v1.group_settings.get()).value
            self.assertEqual([s.display_name for s in tenant], ["Group.Unified"], "the demo's setting")
            item = self.v1.group_settings.by_group_setting_id(tenant[0].id)
            await item.patch(GroupSetting(values=[SettingValue(name="AllowToAddGuests", value="false")]))
            after = {v.name: v.value for v in (await item.get()).values}
            self.assertEqual(after["AllowToAddGuests"], "false")
            self.assertEqual(after["ClassificationList"], "", "an update's values replace the whole collection")
            with self.assertRaises(ODataError) as twice:
                await self.v1.group_settings.post(GroupSetting(template_id=unified.id, values=[]))
            self.assertEqual(twice.exception.response_status_code, 400)
            await item.delete()
            self.assertEqual((await self.v1.group_settings.get()).value, [])
            team = await self.v1.groups.post(
                Group(display_name="Outside Team", mail_enabled=True, mail_nickname="outsideteam",
                      security_enabled=False, group_types=["Unified"])
            )
            guest = templates["Group.Unified.Guest"]
            made = await self.v1.groups.by_group_id(team.id).settings.post(
                GroupSetting(template_id=guest.id, values=[SettingValue(name="AllowToAddGuests", value="false")])
            )
            self.assertEqual(made.display_name, "Group.Unified.Guest")
            listed = (await self.v1.groups.by_group_id(team.id).settings.get()).value
            self.assertEqual([v.value for v in listed[0].values], ["false"])
            security = next(g for g in (await self.v1.groups.get()).value if not g.group_types)
            with self.assertRaises(ODataError) as not_unified:
                await self.v1.groups.by_group_id(security.id).settings.post(
                    GroupSetting(template_id=guest.id, values=[])
                )
            self.assertEqual(not_unified.exception.response_status_code, 400, "Microsoft 365 groups only")

        asyncio.run(run())

    def test_a_domain_is_federated_with_its_configuration_and_made_managed_again(self):
        async def run():
            domain = self.v1.domains.by_domain_id("contoso.com")
            self.assertEqual((await domain.federation_configuration.get()).value, [])
            made = await domain.federation_configuration.post(
                InternalDomainFederation(
                    display_name="Contoso",
                    issuer_uri="http://sts.contoso.com/adfs/services/trust",
                    passive_sign_in_uri="https://sts.contoso.com/adfs/ls/",
                    signing_certificate="MIIBCgABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4fICEiIyQlJic=",
                    preferred_authentication_protocol=AuthenticationProtocol.WsFed,
                    federated_idp_mfa_behavior=FederatedIdpMfaBehavior.EnforceMfaByFederatedIdp,
                )
            )
            self.assertEqual((await domain.get()).authentication_type, "Federated")
            await domain.federation_configuration.by_internal_domain_federation_id(made.id).patch(
                InternalDomainFederation(prompt_login_behavior=PromptLoginBehavior.NativeSupport)
            )
            read = (await domain.federation_configuration.get()).value[0]
            self.assertEqual(read.prompt_login_behavior, PromptLoginBehavior.NativeSupport)
            self.assertEqual(read.issuer_uri, "http://sts.contoso.com/adfs/services/trust", "a PATCH changes what it names")
            with self.assertRaises(ODataError) as initial:
                await self.v1.domains.by_domain_id("contoso.onmicrosoft.com").federation_configuration.post(
                    InternalDomainFederation(display_name="x")
                )
            self.assertEqual(initial.exception.response_status_code, 400)
            await domain.patch(Domain(authentication_type="Managed"))
            self.assertEqual((await domain.get()).authentication_type, "Managed")
            self.assertEqual((await domain.federation_configuration.get()).value, [])

        asyncio.run(run())

    def test_the_device_registration_policy_is_replaced_whole(self):
        async def run():
            policy = await self.v1.policies.device_registration_policy.get()
            self.assertEqual(policy.id, "deviceRegistrationPolicy")
            self.assertEqual(policy.user_device_quota, 50)
            self.assertEqual(type(policy.azure_a_d_join.allowed_to_join).__name__, "AllDeviceRegistrationMembership")
            # This SDK version offers no update for it: the documented PUT, sent as the page shows it.
            body = {
                "userDeviceQuota": 10,
                "multiFactorAuthConfiguration": "required",
                "azureADRegistration": {"isAdminConfigurable": False, "allowedToRegister": {"@odata.type": "#microsoft.graph.noDeviceRegistrationMembership"}},
                "azureADJoin": {"isAdminConfigurable": True, "allowedToJoin": {"@odata.type": "#microsoft.graph.allDeviceRegistrationMembership"}},
                "localAdminPassword": {"isEnabled": False},
            }
            headers = {"Authorization": "Bearer " + app_token()["access_token"]}
            async with httpx.AsyncClient(verify=ssl.create_default_context(cafile=SIM.cert_path)) as client:
                replaced = await client.put(f"{SIM.url}/v1.0/policies/deviceRegistrationPolicy", json=body, headers=headers)
                self.assertEqual(replaced.status_code, 200, replaced.text)
                partial = await client.put(f"{SIM.url}/v1.0/policies/deviceRegistrationPolicy", json={"userDeviceQuota": 5}, headers=headers)
                self.assertEqual(partial.status_code, 400, "every updatable property is required")
            after = await self.v1.policies.device_registration_policy.get()
            self.assertEqual(after.user_device_quota, 10)
            self.assertEqual(type(after.azure_a_d_registration.allowed_to_register).__name__, "NoDeviceRegistrationMembership")

        asyncio.run(run())

    def test_a_certificate_joins_a_service_principals_key_credentials(self):
        async def run():
            principals = await self.v1.service_principals.get()
            exchange = next(p for p in principals.value if p.app_id == EXCHANGE_APP)
            self.assertIn("https://outlook.office365.com/", exchange.service_principal_names)
            der = x509.load_pem_x509_certificate(
                open(SIM.cert_path, "rb").read()
            ).public_bytes(serialization.Encoding.DER)
            now = datetime.datetime.now(datetime.timezone.utc)
            key = KeyCredential(
                key_id=uuid.uuid4(),
                type="AsymmetricX509Cert",
                usage="Verify",
                key=der,
                start_date_time=now,
                end_date_time=now + datetime.timedelta(days=30),
            )
            principal = self.v1.service_principals.by_service_principal_id(exchange.id)
            await principal.patch(ServicePrincipal(key_credentials=[key]))
            config = ServicePrincipalItemRequestBuilder.ServicePrincipalItemRequestBuilderGetRequestConfiguration(
                query_parameters=ServicePrincipalItemRequestBuilder.ServicePrincipalItemRequestBuilderGetQueryParameters(
                    select=["id", "keyCredentials"]
                )
            )
            read = await principal.get(request_configuration=config)
            self.assertEqual(len(read.key_credentials), 1)
            self.assertEqual(read.key_credentials[0].key, der, "the key is answered on a single object")
            listed = await self.v1.service_principals.get()
            again = next(p for p in listed.value if p.id == exchange.id)
            self.assertIsNone(again.key_credentials[0].key, "and never in a listing")

        asyncio.run(run())


class Throttling(unittest.TestCase):
    """The SDK's retry handler against the documented 429s: it waits the whole-second
    Retry-After and every request gets through."""

    def test_throttled_reads_are_retried_after_retry_after(self):
        v1, _ = graph_clients(app_token(THROTTLED)["access_token"], THROTTLED)

        async def run():
            started = time.monotonic()
            for _ in range(6):
                organization = await v1.organization.get()
                self.assertTrue(organization.value)
            return time.monotonic() - started

        elapsed = asyncio.run(run())
        # 3.5 resource units per 10 s: the later reads had to wait for the bucket.
        self.assertGreater(elapsed, 2.0, "some reads were throttled and waited")


def main():
    global SIM, THROTTLED
    exe = sys.argv.pop(1)
    with tempfile.TemporaryDirectory() as folder:
        certificate = make_certificate(folder)
        SIM = Simulator(exe, folder, certificate)
        THROTTLED = Simulator(exe, folder, certificate, limit_scale="0.001")
        # MSAL (requests) trusts this run's certificate too.
        os.environ["REQUESTS_CA_BUNDLE"] = SIM.cert_path
        # MSAL builds the user-realm URL from the authority's host without its port, so it would
        # ask port 443 for it; the simulated tenant has no federated domains to discover anyway.
        msal.authority.Authority._domains_without_user_realm_discovery.add("127.0.0.1")
        try:
            result = unittest.main(exit=False, verbosity=2).result
        finally:
            SIM.stop()
            THROTTLED.stop()
    sys.exit(0 if result.wasSuccessful() else 1)


if __name__ == "__main__":
    main()
