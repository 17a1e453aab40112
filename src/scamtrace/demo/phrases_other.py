"""Sentence templates for the other scam types, Indian complaints and non-scam reports.

These rings share nothing with the tech-support centres except the victims'
vocabulary, so they test that a classifier keeps them apart and that a linker
does not pull them into a call centre through a common alias or gift-card
brand. Indian complaints follow the register of NCRP filings ("Respected
Sir/Madam … kindly do the needful"). Same placeholders as ``phrases_tss``.
"""

from __future__ import annotations

from scamtrace.demo.phrases_tss import Slot

ROMANCE: Slot = {
    "fp": (
        "I met a man named {alias} on {platform} about {months} months ago. He said he was {cover}. He always had a reason he could not video call.",
        "I have been talking to {alias} since last year, we met on {platform}. He said he loves me and wants to marry me when his contract ends.",
        "A man called {alias} contacted me on {platform}. After a few weeks he said he needed money for {reason}.",
    ),
    "tp": (
        "{S} ({age}) has been in an online relationship with a '{alias}' who {s} met on {platform}. He claims to be {cover}.",
        "{S} met someone called {alias} on {platform} and has been sending him money for months.",
    ),
    "sh": ("Romance scam. Cust met '{alias}' on {platform}, claims to be {cover}.",),
}
ROMANCE_ASK: Slot = {
    "fp": (
        "He asked me for money for {reason}.",
        "Then he needed {reason} and promised to pay me back when he gets home.",
    ),
    "tp": ("He keeps asking for money for {reason}.",),
    "sh": ("Requested funds for {reason}.",),
}
ROMANCE_CONTACT: Slot = {
    "fp": (
        "He texts me on WhatsApp from {phone}.",
        "His number is {phone}.",
        "He emails me from {email}.",
    ),
    "tp": ("He messages {him} on WhatsApp from {phone}.", "His email is {email}."),
    "sh": ("Suspect WhatsApp {phone}.", "Suspect email {email}."),
}

INVESTMENT: Slot = {
    "fp": (
        "I got a wrong number text from someone called {alias} and we became friends. He showed me how he makes money trading crypto on {site}.",
        "I was added to a WhatsApp group about crypto trading and a 'mentor' named {alias} told us to open an account on {site}.",
        "I saw an ad with a celebrity about a Bitcoin investment and signed up on {site}. An account manager {alias} called me from {phone}.",
    ),
    "tp": ("{S} was persuaded by '{alias}' to invest on {site}, which showed fake profits.",),
    "sh": ("Investment fraud: platform {site}, 'advisor' {alias}.",),
}
INVESTMENT_TAIL: Slot = {
    "fp": (
        "The site showed my balance growing to {bigger} but when I tried to withdraw they said I must pay tax of {amount} first.",
        "I can't withdraw anything, they say my account is frozen until I pay a fee.",
    ),
    "tp": ("Now they want more money to 'unlock' the withdrawal.",),
    "sh": ("Unable to withdraw; asked for 'tax'/'fees'.",),
}
PAY_CRYPTO_SEND: Slot = {
    "fp": (
        "I sent {amount} in USDT to the deposit address {wallet}.",
        "I deposited {amount} to the wallet {wallet} they gave me.",
    ),
    "tp": ("{Ss} sent {amount} in crypto to {wallet}.",),
    "sh": ("Crypto {amount} to {wallet}.",),
}

LOTTERY: Slot = {
    "fp": (
        "I got a call from {phone} saying I won {prize} in the {lottery} and a new car. I had to pay the taxes and delivery fees first.",
        "A man called {alias} said I was the second prize winner of {prize} from {lottery}. They needed a processing fee.",
    ),
    "tp": (
        "{S} was told {s} won {prize} in the {lottery} and must pay fees first. The calls come from {phone}.",
    ),
    "sh": ("Lottery/prize scam ({lottery}), caller {phone}.",),
}

GOV_US: Slot = {
    "fp": (
        "A man called from {phone} saying he was from the {agency} and there was a warrant for my arrest unless I paid {amount} today.",
        "I got a recorded message that my Social Security number was suspended because of suspicious activity and to call {phone}.",
        "An officer {alias} said my SSN was used in drug trafficking in Texas and my bank accounts would be frozen.",
    ),
    "tp": (
        "{S} got a call from someone claiming to be from the {agency} threatening arrest. Number was {phone}.",
    ),
    "sh": ("Govt impersonation ({agency}), caller {phone}, threatened arrest.",),
}
GOV_GB: Slot = {
    "fp": (
        "I had an automated call saying it was HMRC and a lawsuit had been filed against me for tax fraud, press 1. The number was {phone}.",
        "Someone rang from {phone} saying he was from HM Revenue and Customs and I owed {amount} and the police would come.",
    ),
    "tp": ("{S} got a call from 'HMRC' on {phone} saying {s} would be arrested for unpaid tax.",),
    "sh": ("HMRC impersonation call from {phone}.",),
}
GOV_CA: Slot = {
    "fp": (
        "A man called from {phone} saying he was from the Canada Revenue Agency and I owed back taxes and the RCMP would arrest me.",
    ),
    "tp": ("{S} was threatened with arrest by a fake CRA agent calling from {phone}.",),
    "sh": ("CRA scam call from {phone}.",),
}
GOV_AU: Slot = {
    "fp": (
        "I got a call from {phone} saying it was the ATO and I had a tax debt and a warrant would be issued.",
    ),
    "tp": ("{S} had a call from a fake ATO officer on {phone}.",),
    "sh": ("ATO impersonation, caller {phone}.",),
}
GOV_IN: Slot = {
    "fp": (
        "I received a call from {phone} saying it is from {courier} and a parcel in my name has MDMA drugs and fake passports. Then they connected me to {agency} officer {alias} on Skype video call.",
        "I got a call from {phone} that my mobile number will be blocked by TRAI because of illegal activities, then they transferred call to {agency}.",
        "A person claiming to be {agency} officer {alias} said my Aadhaar is used in money laundering case and I am under digital arrest.",
    ),
    "sh": ("Digital arrest: caller {phone} impersonating {agency}.",),
}
GOV_IN_TAIL: Slot = {
    "fp": (
        "They kept me on video call for {hours} hours and said not to tell anyone. For verification of my funds they told me to transfer money to RBI secure account.",
        "They said after verification the money will be refunded within 2 hours but nothing came.",
    ),
    "sh": ("Victim kept on video call {hours} hrs.",),
}

DELIVERY: Slot = {
    "fp": (
        "I got a text from {phone} saying my {courier} package could not be delivered and to update my address at {site}. I entered my card and then {amount} was taken.",
        "Text message: '{courier}: your parcel is held due to incomplete address, visit {site}'. I paid a small fee and then my card was charged {amount}.",
        "I clicked a link {site} in a text about a {courier} redelivery fee and put in my card details.",
    ),
    "tp": ("{S} got a fake {courier} text ({site}) and entered card details; {amount} taken.",),
    "sh": ("Smishing ({courier}) from {phone}, link {site}, card compromised, loss {amount}.",),
}
DELIVERY_CHARGE: Slot = {
    "fp": ("The charge on my statement says {merchant}.",),
    "tp": ("Statement shows {merchant}.",),
    "sh": ("Txn desc {merchant}.",),
}

OTHER_IN: Slot = {
    "fp": (
        "I got a WhatsApp message from {phone} offering part time job to like YouTube videos and earn Rs 5,000 daily. First they paid small amount, then asked me to do prepaid tasks on Telegram.",
        "I received video call from unknown number {phone} and they recorded and threatened to upload the video to my contacts unless I pay.",
        "I posted my sofa on OLX and a buyer said he is army officer, he sent QR code to receive payment and money got debited instead.",
        "A person called from {phone} saying my electricity connection will be cut tonight because bill not updated, and told me to download an app.",
    ),
    "sh": ("Cyber fraud: caller {phone}.",),
}

# Indian tech-support victims: fake customer-care numbers found by search.
IN_TSS: Slot = {
    "fp": (
        "I searched {brand} customer care number in Google and called {phone}. He told me to install {tool} for refund and then money was debited from my account.",
        "My {brand} account had a problem so I called the helpline {phone} from internet. The person {alias} asked me to download {tool} and share the code {rid}.",
        "I called {phone} which was showing as {brand} customer care on Google. They took remote access and did transactions from my account.",
    ),
    "sh": ("Fake customer care ({brand}) {phone}, RA via {tool}.",),
}

PAY_UPI: Slot = {
    "fp": (
        "I paid {amount} through {app} to UPI ID {upi}.",
        "Total {amount} was transferred by UPI to {upi}.",
        "I did {n} transactions on {app} to {upi}, total amount {amount}.",
    ),
    "sh": ("UPI {amount} to {upi}.",),
}
PAY_IMPS: Slot = {
    "fp": (
        "I transferred {amount} to account no. {account} IFSC {ifsc} ({bank}) in the name of {holder}.",
        "Amount {amount} transferred by NEFT to A/c {account}, IFSC: {ifsc}.",
        "They made me do RTGS of {amount} to {bank} account {account}, IFSC code {ifsc}.",
    ),
    "sh": ("IMPS {amount} to A/c {account} IFSC {ifsc} ({holder}).",),
}

IN_OPENERS: tuple[str, ...] = (
    "Respected Sir/Madam,",
    "Sir,",
    "I want to report cyber fraud.",
    "I am writing to inform you that on {date} I was cheated.",
    "Respected Sir, I am {name} from {region}.",
    "",
)
IN_CLOSERS: tuple[str, ...] = (
    "Kindly do the needful.",
    "Please help me to get my money back. I am a poor person.",
    "Kindly freeze the account and return my money.",
    "I request you to take strict action against them.",
    "Please help sir.",
)

# Complaints that are not scams at all: real charges, real vendor calls.
GENUINE: Slot = {
    "fp": (
        "I was charged {amount} by {real_merchant} and thought it was a scam, but it turns out it was my grandson's Xbox subscription.",
        "I called {legit_brand} at {legit} about my renewal. Was that the real company? They were very helpful and did not ask for money.",
        "{legit_brand} called me about a suspicious charge. I called back on {legit} and it really was them.",
        "My computer is very slow and keeps showing adverts. Nobody has called me, I just want to know if I have a virus.",
        "I got a renewal notice for {real_merchant} for {amount}. I forgot I had signed up, they refunded me when I called {legit}.",
        "Is {legit_site} a real website? I want to make sure before I buy.",
    ),
    "tp": (
        "{S} got a charge from {real_merchant} for {amount} and we thought it was fraud but it was a genuine subscription.",
        "{S} called {legit} ({legit_brand}) for help with {his} computer, that was the real number.",
    ),
    "sh": (
        "Cust queried {real_merchant} charge {amount}; genuine subscription, no fraud.",
        "Cust unsure if call from {legit_brand} was genuine; verified genuine ({legit}).",
        "Not a scam: cust reports slow PC, no contact from third party.",
    ),
}
REAL_MERCHANTS: tuple[str, ...] = (
    "MICROSOFT*XBOX",
    "MICROSOFT*MICROSOFT 365",
    "NORTONLIFELOCK",
    "APPLE.COM/BILL",
    "AMAZON PRIME*2K4",
    "GEEK SQUAD",
    "MCAFEE.COM",
)

ROMANCE_COVERS: tuple[str, ...] = (
    "an engineer on an oil rig",
    "a US Army doctor in Syria",
    "a widower working in Dubai",
    "a UN peacekeeper",
    "a ship captain",
    "a contractor in Turkey",
)
ROMANCE_REASONS: tuple[str, ...] = (
    "customs fees to release his gold",
    "a flight home",
    "his daughter's hospital bill",
    "equipment for his contract",
    "his bank account being frozen",
    "a lawyer",
)
PLATFORMS: tuple[str, ...] = (
    "Facebook",
    "Words with Friends",
    "Match.com",
    "Instagram",
    "a Christian dating site",
    "Hangouts",
)
LOTTERIES: tuple[str, ...] = (
    "Publishers Clearing House",
    "Mega Millions",
    "Jamaican lottery",
    "Reader's Digest sweepstakes",
)
COURIERS: dict[str, tuple[str, ...]] = {
    "US": ("USPS", "FedEx", "UPS"),
    "GB": ("Royal Mail", "Evri", "DPD"),
    "CA": ("Canada Post", "Purolator"),
    "AU": ("Australia Post", "AusPost"),
    "IN": ("India Post", "FedEx", "Blue Dart"),
}
AGENCIES_US: tuple[str, ...] = ("IRS", "Social Security Administration", "SSA", "US Marshals")
AGENCIES_IN: tuple[str, ...] = (
    "CBI",
    "Mumbai Police Cyber Cell",
    "Narcotics Control Bureau",
    "ED",
    "TRAI",
)
UPI_APPS: tuple[str, ...] = ("PhonePe", "Google Pay", "Paytm", "BHIM")
