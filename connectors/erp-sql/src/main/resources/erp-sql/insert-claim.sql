INSERT INTO MDF_CLAIM_IN (CLAIM_ID, FUND_ID, REQUEST_ID, PARTNER_ACCOUNT, INVOICE_REF, PROOF_REFS, CURRENCY_CODE,
                          AMOUNT, SUBMITTED_BY, CREATION_DATE, PROCESS_STATUS)
VALUES (:#claimId, :#fundId, :#requestId, :#partnerAccount, :#invoiceRef, :#proofRefs, :#currencyCode, :#amount,
        :#submittedBy, :#creationDate, 'NEW')
