"""Referral packages: what an investigator hands a police cyber-crime cell or a partner.

``scamtrace.services.referral.build_referral`` loads an operation from the store
and calls :func:`scamtrace.refer.package.write_package`; the writers here take
plain values (:mod:`scamtrace.refer.model`) and never touch the store.
"""
