"""The members an API fuzz run acts as.

`members.py API MAIL_DIR PASSWORD signup ADMIN_EMAIL` registers customer@fuzz.example and
traveler@fuzz.example, reading each verification code from the e-mail the platform wrote into its data
directory, signs the admin in, and prints each role's refresh token as a shell assignment.
`members.py API MAIL_DIR PASSWORD token REFRESH_TOKEN` prints a fresh access token. Access tokens last 15
minutes, so each role's run asks for its own; by refresh, since fuzzing the login route as anyone soon meets
its per-address limit.
"""
import glob
import json
import re
import sys
import time
import urllib.request

api, mail_dir, password, action = sys.argv[1:5]


def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(api + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request) as response:
        return json.load(response)["data"]


def mail_code(address):
    for _ in range(100):
        for path in sorted(glob.glob(mail_dir + "/*.eml")):
            text = open(path, encoding="utf-8", errors="replace").read()
            if f"To: {address}" in text:
                match = re.search(r"^Subject:.*?(\d{6})", text, re.MULTILINE)
                if match:
                    return match.group(1)
        time.sleep(0.1)
    sys.exit(f"no verification e-mail reached {address}")


def member(email, user_type):
    call("POST", "/auth/register", {
        "email": email, "password": password, "confirmPassword": password, "firstName": "Fuzz",
        "lastName": user_type.title(), "userType": user_type, "acceptedTerms": True, "acceptedPrivacy": True,
    })
    verified = call("POST", "/auth/verify-email", {"email": email, "verificationCode": mail_code(email)})
    return verified["refreshToken"]


if action == "signup":
    print(f"CUSTOMER_REFRESH={member('customer@fuzz.example', 'customer')}")
    print(f"TRAVELER_REFRESH={member('traveler@fuzz.example', 'traveler')}")
    admin = call("POST", "/auth/login", {"email": sys.argv[5], "password": password})
    print(f"ADMIN_REFRESH={admin['refreshToken']}")
else:
    print(call("POST", "/auth/refresh", {"refreshToken": sys.argv[5]})["accessToken"])
