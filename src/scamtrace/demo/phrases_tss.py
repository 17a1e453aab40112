"""Sentence templates for tech-support and refund scam complaints.

Three voices: ``fp`` (the victim, first person), ``tp`` (a relative or a
helpline/bank agent writing about the victim, third person) and ``sh`` (agent
shorthand: "Cust rcvd popup w/ tel no …"). Placeholders, always available:
``{S}`` subject at sentence start ("My dad", "Cust"), ``{s}``/``{Ss}``
pronoun, ``{his}``, ``{him}``, ``{brand}``, ``{device}``, ``{date}``,
``{cell}``. Each slot's own values are set only when the slot is used.
Wording follows what real complaints to Microsoft, IC3 and Action Fraud read
like: the scripts ("your IP is hacked", "do not turn off your computer",
"refund department") are the scammers' own.
"""

from __future__ import annotations

Slot = dict[str, tuple[str, ...]]

OPENERS: Slot = {
    "fp": (
        "I am {age} years old and not very good with computers.",
        "I want to report a scam.",
        "This happened on {date}.",
        "Hello, I think I have been scammed.",
        "To whom it may concern,",
        "I'm retired and only use the {device} for email and Facebook.",
        "I feel so stupid writing this.",
        "On {date} the following happened.",
        "Please read this, I need help.",
    ),
    "tp": (
        "{S}, {age}, got scammed and I'm writing this for {him}.",
        "I am writing on behalf of {rel} who is {age} and does not use email.",
        "{S} ({age}) fell for a tech support scam on {date}.",
        "Reporting for {rel}, age {age}.",
        "{S} is {age} and lives alone.",
        "This is about {rel}.",
    ),
    "sh": (
        "Cust ({age}) called re suspected scam.",
        "Cust reports TSS incident on {date}.",
        "Caller is {age}, reporting computer scam.",
        "Cust called in distressed.",
        "Victim {age}yo, {region}.",
    ),
}

# Lure, one tuple per contact channel. Keys used: {phone} (may be absent: then
# the *_nophone variants are used), {site}, {fake_amount}, {invoice}.
LURE_POPUP: Slot = {
    "fp": (
        "A red warning popped up on my {device} saying {brand} had detected a virus and not to turn it off, and to call {phone}.",
        "my screen froze and a loud voice kept saying my computer was hacked and to call {brand} support at {phone}",
        "I was reading the news when a big window came up saying Windows Defender Security Warning, call {brand} Support {phone}.",
        "A pop up with a beeping alarm said my {device} was locked because of suspicious activity and to call {phone} immediately.",
        "I clicked on a link and the screen turned blue and said ERROR CODE 0x80070424, do not shut down, call {brand} at {phone}.",
        "A message came up that my {device} was infected with a Trojan spyware and my banking details were at risk. It said call {phone} toll free.",
        "While on Facebook a warning came on the screen with the {brand} logo and a phone number {phone}, I could not close it.",
    ),
    "tp": (
        "A warning popped up on {his} {device} saying {brand} had found a virus, with a number to call: {phone}.",
        "{S} got a pop-up with a siren noise saying the {device} was locked and to call {brand} at {phone}.",
        "{S}'s screen froze with a message that {his} computer was hacked and to call {phone}.",
        "{Ss} was on the internet when a {brand} security alert took over the screen with the number {phone}.",
        "{S} saw a full screen 'Windows Defender' warning and called the number on it, {phone}.",
    ),
    "sh": (
        "Cust rcvd popup on {device} claiming {brand} virus alert w/ tel no {phone}.",
        "Browser locked, popup 'call {brand} support' {phone}. Cust called.",
        "Popup + audio alert, cust rang no. on screen ({phone}).",
        "Cust saw fake {brand} warning on screen, called {phone}.",
    ),
}
LURE_POPUP_NOPHONE: Slot = {
    "fp": (
        "A red warning popped up on my {device} saying {brand} had detected a virus and to call a number, so I did.",
        "My screen froze and a voice said my computer was hacked and to call the number on the screen.",
        "A big window came up saying my {device} was locked and to call {brand} support. I called the number.",
        "I got a pop up with an alarm that would not go away, it had a number for {brand} tech support.",
    ),
    "tp": (
        "A fake {brand} warning popped up on {his} {device} and {s} called the number on it.",
        "{S} got a pop-up with an alarm saying {his} computer was infected and called the number shown.",
    ),
    "sh": (
        "Cust rcvd popup (fake {brand} alert), called no. on screen.",
        "Browser locker popup, cust called number displayed.",
    ),
}
LURE_SITE: Slot = {
    "fp": (
        "The web address at the top said {site}.",
        "The page was {site}",
        "I wrote down the website, it was {site}.",
        "(the site was {site})",
    ),
    "tp": (
        "The page address was {site}.",
        "{Ss} took a photo of the screen, the address was {site}.",
    ),
    "sh": ("URL: {site}", "Site: {site}.", "Popup URL {site}"),
}
LURE_CALL: Slot = {
    "fp": (
        "I got a call from a man saying he was from {brand} and that my computer was sending out error messages.",
        "Someone called my home phone from {phone} saying he was with {brand} technical department and my computer had a virus.",
        "I received a recorded message that my {brand} subscription will renew for {fake_amount} and to press 1 to cancel. I pressed 1.",
        "A man called me saying my {brand} license had expired and hackers were getting into my computer.",
        "I got a call from {phone} saying it was {brand} and my internet would be disconnected because my IP address was compromised.",
        "They called me on my {cell} and said there was suspicious activity on my {brand} account.",
    ),
    "tp": (
        "{S} got a cold call from someone claiming to be {brand}, saying {his} computer was infected.",
        "A man called {him} from {phone} saying he was from {brand} and {his} IP address was hacked.",
        "{S} received a robocall about a {brand} renewal of {fake_amount} and pressed 1 to speak to someone.",
        "{Ss} was called by 'the {brand} technical department' about viruses on {his} computer.",
    ),
    "sh": (
        "Cust rcvd cold call from '{brand}' re virus on PC.",
        "Unsolicited call from {phone} claiming {brand}.",
        "Robocall re {brand} renewal ({fake_amount}), cust pressed 1.",
        "Outbound call to cust claiming {brand} tech dept.",
    ),
}
LURE_SEARCH: Slot = {
    "fp": (
        "I had a problem with my {problem} so I searched for {brand} support on Google and called the first number, {phone}.",
        "I looked up {brand} customer service online and called {phone}.",
        "I needed help with my {brand} account and found a website {site} with the number {phone}.",
        "I googled '{brand} help' and called the number at the top of the results.",
    ),
    "tp": (
        "{S} searched online for {brand} support and called the number in an ad, {phone}.",
        "{S} needed help with {his} {problem} and found a site, {site}, which listed {phone}.",
    ),
    "sh": (
        "Cust searched '{brand} support' online, called no. from ad: {phone}.",
        "Cust found fake support site {site} via search, called {phone}.",
    ),
}
LURE_EMAIL: Slot = {
    "fp": (
        "I got an email invoice from {brand} saying my subscription had renewed for {fake_amount}, invoice {invoice}, and to call {phone} if I did not authorize it.",
        "An email said I had been charged {fake_amount} for {brand} auto renewal and to call {phone} to cancel.",
        "I received a receipt by email for {fake_amount} from {brand} that I never ordered. It said call {phone} within 24 hours for a refund.",
        "There was an email about my {brand} order {invoice} for {fake_amount} and a number {phone} to dispute it.",
    ),
    "tp": (
        "{S} got an email 'invoice' from {brand} for {fake_amount} with the number {phone} to cancel.",
        "{S} received a fake {brand} renewal email ({invoice}, {fake_amount}) and called {phone}.",
    ),
    "sh": (
        "Cust rcvd fake {brand} invoice email ({fake_amount}), called {phone} to cancel.",
        "Phishing email re {brand} renewal, invoice {invoice}, tel {phone}.",
    ),
}
LURE_SMS: Slot = {
    "fp": (
        "I got a text message saying my {brand} account was locked and to call {phone}.",
        "A text said a charge of {fake_amount} was made on my {brand} account and to call {phone} if it was not me.",
    ),
    "tp": (
        "{S} got a text saying {his} {brand} account was compromised, with the number {phone}.",
    ),
    "sh": ("Cust rcvd SMS re {brand} account, called {phone}.",),
}
LURE_CHAT: Slot = {
    "fp": (
        "A chat window opened on the {brand} looking site and the agent asked me to call {phone}.",
        "I was chatting with '{brand} support' on a website and they gave me {phone} to call.",
    ),
    "tp": ("{S} was in an online chat with fake {brand} support who gave {him} {phone}.",),
    "sh": ("Web chat w/ fake {brand} agent, referred to {phone}.",),
}
LURE_GENERIC: Slot = {
    "fp": ("Someone contacted me claiming to be {brand} support.",),
    "tp": ("{S} was contacted by people claiming to be {brand} support.",),
    "sh": ("Cust contacted by fake {brand} support.",),
}

CALLER: Slot = {
    "fp": (
        "The man said his name was {alias} and he was a {title}.",
        "He had a strong accent and said his name was {alias}.",
        "A man named {alias} answered and said he was a {title} with {brand}.",
        "I spoke to {alias} who gave me an employee ID {empid}.",
        "His name was {alias}, he was very polite at first.",
        "A lady answered and then put me through to {alias}, the {title}.",
    ),
    "tp": (
        "The man called himself {alias}.",
        "{Ss} spoke to a '{alias}', who said he was a {title}.",
        "A {alias} (employee ID {empid}) took over the call.",
    ),
    "sh": (
        "Spoke to '{alias}'.",
        "Scammer name given: {alias}.",
        "'{alias}', {title}, ID {empid}.",
    ),
}

REMOTE_ID: Slot = {
    "fp": (
        "He told me to download {tool} and read him the numbers, {rid}.",
        "He had me install {tool}, my number on it was {rid}.",
        "He made me download an app called {tool} and give him the code {rid}, then he was moving my mouse.",
        "I installed {tool} like he said and gave him the ID {rid}.",
    ),
    "tp": (
        "He got {him} to install {tool} and read out the ID ({rid}).",
        "{Ss} installed {tool} and gave them {his} ID {rid}.",
    ),
    "sh": (
        "RA granted via {tool}, ID {rid}.",
        "Cust installed {tool} (ID {rid}).",
        "{tool} ID {rid} given to scammer.",
    ),
}
REMOTE_SC: Slot = {
    "fp": (
        "He told me to go to {sc} and click join, then he had control of my computer.",
        "He sent me to a website {sc} and I downloaded something and he took over.",
    ),
    "tp": ("He had {him} open {sc} and run the file, then took control.",),
    "sh": ("RA via ScreenConnect: {sc}", "Cust joined ScreenConnect session at {sc}."),
}
REMOTE_TOOL: Slot = {
    "fp": (
        "He got me to install {tool} and took over my computer.",
        "Then he took control of my computer with {tool}.",
        "He connected to my {device} with something called {tool}.",
    ),
    "tp": (
        "He had {him} install {tool} and took over the computer.",
        "They connected remotely with {tool}.",
    ),
    "sh": ("RA via {tool}.", "Cust allowed remote access ({tool})."),
}
REMOTE_NONE: Slot = {
    "fp": (
        "He told me to type some things and then he was in my computer.",
        "Then he got into my computer somehow.",
    ),
    "tp": ("They got remote access to {his} computer.",),
    "sh": ("Remote access given.",),
}

SCARE: Slot = {
    "fp": (
        "He showed me a black screen with a lot of lines and said those were hackers from Russia in my computer.",
        "He said my IP address was compromised and someone was using my computer to look at illegal things.",
        "He opened something called event viewer and showed me all the red errors.",
        "He said hackers had my Social Security number and my bank account was in danger.",
        "He said my computer had 3,000 viruses and my firewall had expired.",
        "He said the Chinese were watching everything I did.",
    ),
    "tp": (
        "He showed {him} 'errors' and said hackers were in {his} computer.",
        "They told {him} {his} bank account and identity were at risk.",
        "He said {his} IP had been hacked from overseas.",
    ),
    "sh": (
        "Shown fake errors (event viewer/cmd).",
        "Told IP hacked, bank acct at risk.",
        "Scare tactics: 'hackers', 'illegal content'.",
    ),
}
NETSTAT: Slot = {
    "fp": (
        "He typed netstat and showed me addresses like {msip} and said those were the hackers.",
    ),
    "tp": ("He ran netstat and pointed at {msip} as 'the hacker'.",),
    "sh": ("Scammer showed netstat output, claimed {msip} was hacker.",),
}

REFUND: Slot = {
    "fp": (
        "Then he said I was owed a refund of {refund} because the company was closing down. He had me log into my bank and the screen went black, then it showed {bigger} had gone into my account by mistake. He begged me to send back the difference or he would lose his job.",
        "He said they would refund {refund} but he typed too many zeros and {bigger} went into my savings. He cried and said he would be fired, so I had to return it.",
        "He said I would get a refund of {refund} for the cancelled service and asked me to open my online banking. Then he said he accidentally sent {bigger} and I must return it.",
    ),
    "tp": (
        "He claimed {s} was due a {refund} refund, had {him} log into online banking, then said {bigger} had been sent by mistake and demanded it back.",
        "They faked an 'overpaid refund' of {bigger} on {his} bank screen and pressured {him} to send the difference back.",
    ),
    "sh": (
        "Refund scam: told due {refund}, shown fake deposit of {bigger} in online banking, asked to return 'overpayment'.",
        "Fake refund overpayment ({bigger}), cust pressured to repay.",
    ),
}

# Payments. {amount}; method-specific keys as named.
PAY_GIFT: Slot = {
    "fp": (
        "He made me go to {store} and buy {gift_brand} gift cards, {amount} in total, and read him the numbers on the back.",
        "He kept me on the phone while I bought {gift_brand} cards for {amount} at {store}.",
        "I bought {gift_brand} gift cards worth {amount} and sent him pictures of the backs.",
    ),
    "tp": (
        "They had {him} buy {amount} in {gift_brand} gift cards at {store} and read out the codes.",
        "{Ss} bought {gift_brand} gift cards totalling {amount}.",
    ),
    "sh": (
        "Loss {amount} in {gift_brand} gift cards.",
        "Paid {amount} via {gift_brand} GCs bought at {store}.",
    ),
}
PAY_GIFT_CODES: Slot = {
    "fp": ("The card numbers were {codes}.", "Here are the codes: {codes}."),
    "tp": ("Card numbers: {codes}.",),
    "sh": ("GC nos: {codes}",),
}
PAY_WIRE: Slot = {
    "fp": (
        "He made me go to my bank and wire {amount} to {holder} at {bank}, account {account}, routing {routing}.",
        "I wired {amount} to {bank} routing number {routing} account number {account}, name on account {holder}.",
        "He told me to tell the bank it was for a family member. I sent a wire of {amount} to account {account} (routing {routing}).",
    ),
    "tp": (
        "{Ss} wired {amount} to {holder}, {bank} acct {account}, routing {routing}.",
        "They had {him} wire {amount} to account {account} at {bank} (ABA {routing}).",
    ),
    "sh": (
        "Wire {amount} to {bank} ABA {routing} acct {account} ({holder}).",
        "Outgoing wire {amount} -> {holder}, RTN {routing}, acct {account}.",
    ),
}
PAY_ZELLE: Slot = {
    "fp": (
        "I sent {amount} by Zelle to {holder} at {token}.",
        "He had me send {amount} through Zelle to {token}.",
    ),
    "tp": ("{Ss} sent {amount} via Zelle to {token} ({holder}).",),
    "sh": ("Zelle {amount} to {token} ({holder}).",),
}
PAY_CRYPTO: Slot = {
    "fp": (
        "He kept me on the phone while I drove to a Bitcoin ATM at a {station} and put in {amount} in cash, then scanned a QR code he sent me.",
        "He told me to withdraw {amount} and put it in a Bitcoin machine at a grocery store.",
        "I deposited {amount} into a crypto ATM, he said it was a secure federal account.",
    ),
    "tp": (
        "They had {him} withdraw cash and feed {amount} into a Bitcoin ATM.",
        "{Ss} put {amount} into a crypto ATM using a QR code they sent.",
    ),
    "sh": ("Loss {amount} via BTC ATM.", "Cust deposited {amount} cash at crypto ATM."),
}
PAY_WALLET: Slot = {
    "fp": (
        "The receipt says the address was {wallet}.",
        "The wallet address on the receipt is {wallet}.",
    ),
    "tp": ("Receipt shows wallet {wallet}.",),
    "sh": ("Wallet: {wallet}.", "Dest. address {wallet}"),
}
PAY_CARD: Slot = {
    "fp": (
        "I gave him my credit card and he charged {amount} for a {plan}. On my statement it shows as {merchant}.",
        "He charged my card {amount} for a {plan}, it came up as {merchant}.",
        "They took {amount} from my debit card, the charge says {merchant}.",
    ),
    "tp": (
        "They charged {his} card {amount} for a '{plan}', descriptor {merchant}.",
        "{Ss} paid {amount} by card for a {plan}; statement shows {merchant}.",
    ),
    "sh": (
        "Card txn {amount} desc '{merchant}'.",
        "CNP charge {amount} merchant {merchant} ({plan}).",
    ),
}
PAY_CARD_NOMERCHANT: Slot = {
    "fp": (
        "I paid {amount} with my credit card for a {plan}.",
        "He charged {amount} to my card for {plan}.",
    ),
    "tp": ("{Ss} paid {amount} by card for a '{plan}'.",),
    "sh": ("Card payment {amount} ({plan}).",),
}
PAY_UK_TRANSFER: Slot = {
    "fp": (
        "I transferred {amount} to sort code {sortcode} account {account} in the name of {holder}.",
        "He made me do a bank transfer of {amount} to {holder}, sort code {sortcode}, account number {account}.",
    ),
    "tp": ("{Ss} transferred {amount} to {holder} (sort code {sortcode}, acc {account}).",),
    "sh": (
        "FPS {amount} to SC {sortcode} acc {account} ({holder}).",
        "Payment {amount} to {sortcode} / {account}, payee {holder}.",
    ),
}
PAY_IBAN: Slot = {
    "fp": (
        "I transferred {amount} to {holder}, IBAN {iban}.",
        "He made me send {amount} overseas to IBAN {iban} ({bank}).",
    ),
    "tp": ("{Ss} sent {amount} to IBAN {iban} in the name of {holder}.",),
    "sh": ("Intl transfer {amount} to IBAN {iban} ({holder}).",),
}
PAY_ETRANSFER: Slot = {
    "fp": ("I sent an Interac e-Transfer of {amount} to {token}.",),
    "tp": ("{Ss} sent {amount} by e-Transfer to {token}.",),
    "sh": ("e-Transfer {amount} to {token}.",),
}
PAY_PAYPAL: Slot = {
    "fp": ("I paid {amount} with PayPal to {token}.",),
    "tp": ("{Ss} paid {amount} through PayPal to {token}.",),
    "sh": ("PayPal {amount} to {token}.",),
}
PAY_CASH: Slot = {
    "fp": ("He made me mail {amount} in cash hidden inside a magazine by overnight delivery.",),
    "tp": ("{Ss} was told to post {amount} in cash hidden in a magazine.",),
    "sh": ("Cash {amount} sent by courier.",),
}
PAY_NONE: Slot = {
    "fp": (
        "I got suspicious and hung up before paying anything.",
        "When he asked for money I hung up. I did not pay.",
        "My son came in and unplugged the computer, so I did not lose any money.",
        "I didn't give them any money but they were on my computer for an hour.",
    ),
    "tp": (
        "{Ss} did not pay anything, luckily.",
        "No money was lost.",
        "{Ss} hung up when they asked for payment.",
    ),
    "sh": ("No loss.", "No payment made.", "Cust did not pay."),
}

SCAMMER_EMAIL: Slot = {
    "fp": (
        "He sent me an email from {email} with a receipt.",
        "They emailed me from {email}.",
        "The invoice came from {email}",
    ),
    "tp": ("They emailed {him} from {email}.",),
    "sh": ("Scammer email: {email}",),
}
CALLBACK_AGAIN: Slot = {
    "fp": ("They keep calling me back from {phone2}.", "Now they call every day from {phone2}."),
    "tp": ("They keep ringing {him} from {phone2}.",),
    "sh": ("Repeat calls from {phone2}.",),
}
LOG_TRAP: Slot = {
    "fp": (
        "My grandson checked the {tool} log and it shows incoming connection from ID {sid}, IP {sip}.",
        "In the {tool} log it shows incoming connection from ID {sid} and the address {sip}.",
    ),
    "tp": (
        "I checked the {tool} log on {his} computer: incoming connection from ID {sid}, IP {sip}.",
        "The {tool} trace file shows the session came from {sid} ({sip}).",
    ),
    "sh": ("{tool} log: incoming from ID {sid}, IP {sip}.",),
}
LEGIT_CALL: Slot = {
    "fp": (
        "Afterwards I called the real {legit_brand} number {legit} and they said it was a scam.",
        "I called {legit_brand} at {legit} and they told me to cancel my card.",
        "I then rang {legit} ({legit_brand}) who told me to report it.",
    ),
    "tp": (
        "I then called {legit_brand} directly at {legit} and they confirmed it was a scam.",
        "{Ss} called {legit} ({legit_brand}) afterwards.",
    ),
    "sh": (
        "Cust then called genuine {legit_brand} ({legit}).",
        "Referred: cust already contacted {legit_brand} on {legit}.",
    ),
}
LEGIT_SITE: Slot = {
    "fp": (
        "I looked on {legit_site} afterwards and saw it was a scam.",
        "I reported it on {legit_site} too.",
    ),
    "tp": ("I checked {legit_site} and it said {brand} never calls people.",),
    "sh": ("Cust advised to see {legit_site}.",),
}
OWN_PHONE: Slot = {
    "fp": (
        "You can call me at {vphone}.",
        "They called me on my home phone {vphone}.",
        "My phone number is {vphone} if you need to reach me.",
    ),
    "tp": ("{His} number is {vphone}.", "They called {him} on {vphone}."),
    "sh": ("Cust contact: {vphone}", "CB no. {vphone}"),
}
RELATIVE_PHONE: Slot = {
    "tp": (
        "Please contact me (daughter) at {relphone}, not {him}.",
        "You can reach me on {relphone}.",
        "My number is {relphone}.",
    ),
}
DISTRACTOR: Slot = {
    "fp": (
        "He gave me a case number {case}.",
        "He said my ticket number was {case}.",
        "The order number on the email was {order}.",
        "My bank reference is {case}.",
    ),
    "tp": ("They gave {him} a 'case number' {case}.", "Order no. on the invoice: {order}."),
    "sh": ("Ref {case}.", "Case no. given by scammer {case}.", "Order {order}"),
}
CLOSERS: Slot = {
    "fp": (
        "Please help me get my money back.",
        "I hope you catch these people.",
        "I am so embarrassed, please don't tell my kids.",
        "Thank you.",
        "What do I do now?",
        "I took my computer to get it cleaned.",
        "I have changed all my passwords.",
        "Please stop them doing this to other old people.",
    ),
    "tp": (
        "{Ss} is very upset.",
        "We have cancelled {his} cards and changed passwords.",
        "Please let me know what else we can do.",
        "We took the laptop to a repair shop.",
    ),
    "sh": (
        "Advised cust to contact bank and run AV scan.",
        "Advised: change passwords, uninstall RA tool.",
        "Cust advised re recovery scams.",
        "Card blocked, new card ordered.",
        "Referred to police.",
    ),
}

# Vague reports: no callback number, no site, no money trail.
VAGUE: Slot = {
    "fp": (
        "Someone called saying they were from {brand} and my computer had a virus. I hung up.",
        "I keep getting calls from people saying they are {brand} technical support. They have strong accents.",
        "A man called about my computer and asked me to turn it on. I said no.",
        "I had a pop up on my computer and called the number, they wanted money so I hung up. I don't have the number anymore.",
        "got another one of those microsoft calls today. how do they get my number??",
    ),
    "tp": (
        "{S} keeps getting calls from '{brand}' about viruses.",
        "{S} got a scary pop-up and called a number but did not pay. {Ss} did not write anything down.",
    ),
    "sh": (
        "Cust rcvd call claiming {brand}, no details recorded.",
        "Cust reports scam call re computer, no number.",
        "Possible TSS contact, cust unable to provide details.",
    ),
}

# What a victim who searched for "support" needed help with, by brand.
PROBLEMS: dict[str, str] = {
    "hp": "printer", "dell": "laptop", "microsoft": "Outlook email", "apple": "iCloud account",
    "amazon": "Amazon account", "norton": "Norton renewal", "mcafee": "McAfee renewal",
    "geek_squad": "computer", "paypal": "PayPal account", "bt": "broadband", "telstra": "internet",
    "nbn": "internet", "virgin_media": "broadband", "sky": "broadband", "rogers": "internet",
    "bell": "internet", "bank_of_america": "online banking", "chase": "online banking",
    "wells_fargo": "online banking", "flipkart": "order refund", "airtel": "recharge", "jio": "recharge",
    "sbi": "KYC update", "phonepe": "failed transaction", "paytm": "failed transaction",
}  # fmt: skip

THREATS_TITLE_PLANS: tuple[str, ...] = (
    "lifetime support plan",
    "5 year protection plan",
    "firewall security package",
    "network security licence",
    "one time fix",
    "premium tech support membership",
    "computer insurance",
    "3 year antivirus subscription",
)

# A payment whose details the writer did not give.
PAY_GENERIC: Slot = {
    "fp": (
        "I paid them {amount} by {how}.",
        "I lost {amount} altogether, paid by {how}.",
        "They got {amount} from me ({how}).",
    ),
    "tp": ("{Ss} paid {amount} by {how}.", "{Ss} lost {amount} ({how})."),
    "sh": ("Loss {amount} ({how}).", "Paid {amount} via {how}."),
}
PAY_HOW: dict[str, str] = {
    "wire": "bank wire", "zelle": "Zelle", "crypto": "Bitcoin", "uk_transfer": "bank transfer",
    "iban": "international bank transfer", "etransfer": "Interac e-Transfer", "paypal": "PayPal",
    "upi": "UPI", "imps": "bank transfer", "crypto_send": "USDT", "card": "card", "gift": "gift cards",
    "cash": "cash",
}  # fmt: skip
