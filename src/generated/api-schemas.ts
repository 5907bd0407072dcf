// Written by `npm run gen:validators` from src/api/*.ts: do not edit.
// @ts-nocheck

export const ach = {
  "AchFile": {
    "type": "object",
    "required": [
      "fileId",
      "path",
      "grantId",
      "entries",
      "totalCreditCents",
      "totalDebitCents",
      "entryHash",
      "createdAt"
    ],
    "properties": {
      "fileId": {
        "type": "string"
      },
      "path": {
        "type": "string"
      },
      "grantId": {
        "type": [
          "string",
          "null"
        ]
      },
      "entries": {
        "type": "integer"
      },
      "totalCreditCents": {
        "type": "integer"
      },
      "totalDebitCents": {
        "type": "integer"
      },
      "entryHash": {
        "type": "integer"
      },
      "createdAt": {
        "type": "string"
      }
    }
  },
  "Approval": {
    "type": "object",
    "required": [
      "id",
      "grantId",
      "sha256",
      "program",
      "agency",
      "recipients",
      "totalCents",
      "maxCents",
      "status",
      "requestedBy",
      "requestedAt",
      "decidedBy",
      "decidedAt",
      "reason"
    ],
    "properties": {
      "id": {
        "type": "string"
      },
      "grantId": {
        "type": "string"
      },
      "sha256": {
        "type": "string"
      },
      "program": {
        "type": "string"
      },
      "agency": {
        "type": "string"
      },
      "recipients": {
        "type": "integer"
      },
      "totalCents": {
        "type": "integer"
      },
      "maxCents": {
        "type": "integer"
      },
      "status": {
        "type": "string",
        "enum": [
          "pending",
          "approved",
          "rejected"
        ]
      },
      "requestedBy": {
        "type": "string"
      },
      "requestedAt": {
        "type": "string"
      },
      "decidedBy": {
        "type": [
          "string",
          "null"
        ]
      },
      "decidedAt": {
        "type": [
          "string",
          "null"
        ]
      },
      "reason": {
        "type": [
          "string",
          "null"
        ]
      }
    }
  },
  "ApprovalList": {
    "type": "object",
    "required": [
      "approvals",
      "limitCents"
    ],
    "properties": {
      "approvals": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "id",
            "grantId",
            "sha256",
            "program",
            "agency",
            "recipients",
            "totalCents",
            "maxCents",
            "status",
            "requestedBy",
            "requestedAt",
            "decidedBy",
            "decidedAt",
            "reason"
          ],
          "properties": {
            "id": {
              "type": "string"
            },
            "grantId": {
              "type": "string"
            },
            "sha256": {
              "type": "string"
            },
            "program": {
              "type": "string"
            },
            "agency": {
              "type": "string"
            },
            "recipients": {
              "type": "integer"
            },
            "totalCents": {
              "type": "integer"
            },
            "maxCents": {
              "type": "integer"
            },
            "status": {
              "type": "string",
              "enum": [
                "pending",
                "approved",
                "rejected"
              ]
            },
            "requestedBy": {
              "type": "string"
            },
            "requestedAt": {
              "type": "string"
            },
            "decidedBy": {
              "type": [
                "string",
                "null"
              ]
            },
            "decidedAt": {
              "type": [
                "string",
                "null"
              ]
            },
            "reason": {
              "type": [
                "string",
                "null"
              ]
            }
          }
        }
      },
      "limitCents": {
        "type": [
          "integer",
          "null"
        ]
      }
    }
  },
  "ApprovalQuery": {
    "type": "object",
    "properties": {
      "grantId": {
        "type": "string"
      },
      "status": {
        "type": "string",
        "enum": [
          "pending",
          "approved",
          "rejected"
        ]
      }
    },
    "additionalProperties": false
  },
  "ApprovalRequest": {
    "type": "object",
    "required": [
      "grantId",
      "sha256",
      "program",
      "agency",
      "recipients",
      "totalCents",
      "maxCents"
    ],
    "properties": {
      "grantId": {
        "type": "string",
        "pattern": "^[A-Za-z0-9._:-]{1,64}$"
      },
      "sha256": {
        "type": "string",
        "pattern": "^[0-9a-f]{64}$",
        "description": "the grant file's SHA-256: the approval is of this content"
      },
      "program": {
        "type": "string",
        "maxLength": 200
      },
      "agency": {
        "type": "string",
        "maxLength": 200
      },
      "recipients": {
        "type": "integer",
        "minimum": 1
      },
      "totalCents": {
        "type": "integer",
        "minimum": 1
      },
      "maxCents": {
        "type": "integer",
        "minimum": 1
      }
    },
    "additionalProperties": false
  },
  "BatchItemResult": {
    "type": "object",
    "required": [
      "index",
      "status"
    ],
    "properties": {
      "index": {
        "type": "integer"
      },
      "status": {
        "type": "integer"
      },
      "transfer": {
        "type": "object",
        "required": [
          "id",
          "status",
          "traceNumber",
          "grantId",
          "recipientId",
          "name",
          "routing",
          "accountLast4",
          "accountType",
          "amountCents",
          "secCode",
          "effectiveDate",
          "fileId",
          "createdAt"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "queued",
              "filed"
            ]
          },
          "traceNumber": {
            "type": "string"
          },
          "grantId": {
            "type": "string"
          },
          "recipientId": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "routing": {
            "type": "string"
          },
          "accountLast4": {
            "type": "string"
          },
          "accountType": {
            "type": "string",
            "enum": [
              "checking",
              "savings"
            ]
          },
          "amountCents": {
            "type": "integer"
          },
          "secCode": {
            "type": "string",
            "enum": [
              "CCD",
              "PPD"
            ]
          },
          "effectiveDate": {
            "type": "string"
          },
          "fileId": {
            "type": [
              "string",
              "null"
            ]
          },
          "createdAt": {
            "type": "string"
          }
        }
      },
      "prenote": {
        "type": "object",
        "required": [
          "id",
          "grantId",
          "recipientId",
          "routing",
          "accountLast4",
          "accountType",
          "traceNumber",
          "status",
          "fileId",
          "effectiveDate",
          "payableFrom",
          "state",
          "answer",
          "createdAt"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "grantId": {
            "type": "string"
          },
          "recipientId": {
            "type": "string"
          },
          "routing": {
            "type": "string"
          },
          "accountLast4": {
            "type": "string"
          },
          "accountType": {
            "type": "string",
            "enum": [
              "checking",
              "savings"
            ]
          },
          "traceNumber": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "queued",
              "filed"
            ]
          },
          "fileId": {
            "type": [
              "string",
              "null"
            ]
          },
          "effectiveDate": {
            "type": "string"
          },
          "payableFrom": {
            "type": "string",
            "description": "the third banking day after the prenote settles: the first day its payment is sent"
          },
          "state": {
            "type": "string",
            "enum": [
              "waiting",
              "payable",
              "held"
            ]
          },
          "answer": {
            "type": [
              "object",
              "null"
            ],
            "required": [
              "kind",
              "code",
              "description",
              "correctedData"
            ],
            "properties": {
              "kind": {
                "type": "string",
                "enum": [
                  "returned",
                  "corrected",
                  "dishonored"
                ]
              },
              "code": {
                "type": "string"
              },
              "description": {
                "type": "string"
              },
              "correctedData": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          },
          "createdAt": {
            "type": "string"
          }
        }
      },
      "replayed": {
        "type": "boolean"
      },
      "error": {
        "type": "object",
        "required": [
          "code",
          "message"
        ],
        "properties": {
          "code": {
            "type": "string"
          },
          "message": {
            "type": "string"
          },
          "fields": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "field",
                "reason"
              ],
              "properties": {
                "field": {
                  "type": "string"
                },
                "reason": {
                  "type": "string"
                }
              }
            }
          }
        },
        "additionalProperties": true
      }
    }
  },
  "BatchRejected": {
    "type": "object",
    "required": [
      "error",
      "results"
    ],
    "properties": {
      "error": {
        "type": "object",
        "required": [
          "code",
          "message"
        ],
        "properties": {
          "code": {
            "type": "string"
          },
          "message": {
            "type": "string"
          },
          "fields": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "field",
                "reason"
              ],
              "properties": {
                "field": {
                  "type": "string"
                },
                "reason": {
                  "type": "string"
                }
              }
            }
          }
        },
        "additionalProperties": true
      },
      "results": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "index",
            "status"
          ],
          "properties": {
            "index": {
              "type": "integer"
            },
            "status": {
              "type": "integer"
            },
            "transfer": {
              "type": "object",
              "required": [
                "id",
                "status",
                "traceNumber",
                "grantId",
                "recipientId",
                "name",
                "routing",
                "accountLast4",
                "accountType",
                "amountCents",
                "secCode",
                "effectiveDate",
                "fileId",
                "createdAt"
              ],
              "properties": {
                "id": {
                  "type": "string"
                },
                "status": {
                  "type": "string",
                  "enum": [
                    "queued",
                    "filed"
                  ]
                },
                "traceNumber": {
                  "type": "string"
                },
                "grantId": {
                  "type": "string"
                },
                "recipientId": {
                  "type": "string"
                },
                "name": {
                  "type": "string"
                },
                "routing": {
                  "type": "string"
                },
                "accountLast4": {
                  "type": "string"
                },
                "accountType": {
                  "type": "string",
                  "enum": [
                    "checking",
                    "savings"
                  ]
                },
                "amountCents": {
                  "type": "integer"
                },
                "secCode": {
                  "type": "string",
                  "enum": [
                    "CCD",
                    "PPD"
                  ]
                },
                "effectiveDate": {
                  "type": "string"
                },
                "fileId": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "createdAt": {
                  "type": "string"
                }
              }
            },
            "prenote": {
              "type": "object",
              "required": [
                "id",
                "grantId",
                "recipientId",
                "routing",
                "accountLast4",
                "accountType",
                "traceNumber",
                "status",
                "fileId",
                "effectiveDate",
                "payableFrom",
                "state",
                "answer",
                "createdAt"
              ],
              "properties": {
                "id": {
                  "type": "string"
                },
                "grantId": {
                  "type": "string"
                },
                "recipientId": {
                  "type": "string"
                },
                "routing": {
                  "type": "string"
                },
                "accountLast4": {
                  "type": "string"
                },
                "accountType": {
                  "type": "string",
                  "enum": [
                    "checking",
                    "savings"
                  ]
                },
                "traceNumber": {
                  "type": "string"
                },
                "status": {
                  "type": "string",
                  "enum": [
                    "queued",
                    "filed"
                  ]
                },
                "fileId": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "effectiveDate": {
                  "type": "string"
                },
                "payableFrom": {
                  "type": "string",
                  "description": "the third banking day after the prenote settles: the first day its payment is sent"
                },
                "state": {
                  "type": "string",
                  "enum": [
                    "waiting",
                    "payable",
                    "held"
                  ]
                },
                "answer": {
                  "type": [
                    "object",
                    "null"
                  ],
                  "required": [
                    "kind",
                    "code",
                    "description",
                    "correctedData"
                  ],
                  "properties": {
                    "kind": {
                      "type": "string",
                      "enum": [
                        "returned",
                        "corrected",
                        "dishonored"
                      ]
                    },
                    "code": {
                      "type": "string"
                    },
                    "description": {
                      "type": "string"
                    },
                    "correctedData": {
                      "type": [
                        "string",
                        "null"
                      ]
                    }
                  }
                },
                "createdAt": {
                  "type": "string"
                }
              }
            },
            "replayed": {
              "type": "boolean"
            },
            "error": {
              "type": "object",
              "required": [
                "code",
                "message"
              ],
              "properties": {
                "code": {
                  "type": "string"
                },
                "message": {
                  "type": "string"
                },
                "fields": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": [
                      "field",
                      "reason"
                    ],
                    "properties": {
                      "field": {
                        "type": "string"
                      },
                      "reason": {
                        "type": "string"
                      }
                    }
                  }
                }
              },
              "additionalProperties": true
            }
          }
        }
      }
    }
  },
  "BatchRequest": {
    "type": "object",
    "required": [
      "transfers"
    ],
    "properties": {
      "atomic": {
        "type": "boolean"
      },
      "transfers": {
        "type": "array",
        "items": {
          "type": "object",
          "patternProperties": {
            "^.*$": {}
          }
        },
        "minItems": 1,
        "maxItems": 10000
      }
    },
    "additionalProperties": false
  },
  "BatchResult": {
    "type": "object",
    "required": [
      "results",
      "created",
      "replayed",
      "failed"
    ],
    "properties": {
      "results": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "index",
            "status"
          ],
          "properties": {
            "index": {
              "type": "integer"
            },
            "status": {
              "type": "integer"
            },
            "transfer": {
              "type": "object",
              "required": [
                "id",
                "status",
                "traceNumber",
                "grantId",
                "recipientId",
                "name",
                "routing",
                "accountLast4",
                "accountType",
                "amountCents",
                "secCode",
                "effectiveDate",
                "fileId",
                "createdAt"
              ],
              "properties": {
                "id": {
                  "type": "string"
                },
                "status": {
                  "type": "string",
                  "enum": [
                    "queued",
                    "filed"
                  ]
                },
                "traceNumber": {
                  "type": "string"
                },
                "grantId": {
                  "type": "string"
                },
                "recipientId": {
                  "type": "string"
                },
                "name": {
                  "type": "string"
                },
                "routing": {
                  "type": "string"
                },
                "accountLast4": {
                  "type": "string"
                },
                "accountType": {
                  "type": "string",
                  "enum": [
                    "checking",
                    "savings"
                  ]
                },
                "amountCents": {
                  "type": "integer"
                },
                "secCode": {
                  "type": "string",
                  "enum": [
                    "CCD",
                    "PPD"
                  ]
                },
                "effectiveDate": {
                  "type": "string"
                },
                "fileId": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "createdAt": {
                  "type": "string"
                }
              }
            },
            "prenote": {
              "type": "object",
              "required": [
                "id",
                "grantId",
                "recipientId",
                "routing",
                "accountLast4",
                "accountType",
                "traceNumber",
                "status",
                "fileId",
                "effectiveDate",
                "payableFrom",
                "state",
                "answer",
                "createdAt"
              ],
              "properties": {
                "id": {
                  "type": "string"
                },
                "grantId": {
                  "type": "string"
                },
                "recipientId": {
                  "type": "string"
                },
                "routing": {
                  "type": "string"
                },
                "accountLast4": {
                  "type": "string"
                },
                "accountType": {
                  "type": "string",
                  "enum": [
                    "checking",
                    "savings"
                  ]
                },
                "traceNumber": {
                  "type": "string"
                },
                "status": {
                  "type": "string",
                  "enum": [
                    "queued",
                    "filed"
                  ]
                },
                "fileId": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "effectiveDate": {
                  "type": "string"
                },
                "payableFrom": {
                  "type": "string",
                  "description": "the third banking day after the prenote settles: the first day its payment is sent"
                },
                "state": {
                  "type": "string",
                  "enum": [
                    "waiting",
                    "payable",
                    "held"
                  ]
                },
                "answer": {
                  "type": [
                    "object",
                    "null"
                  ],
                  "required": [
                    "kind",
                    "code",
                    "description",
                    "correctedData"
                  ],
                  "properties": {
                    "kind": {
                      "type": "string",
                      "enum": [
                        "returned",
                        "corrected",
                        "dishonored"
                      ]
                    },
                    "code": {
                      "type": "string"
                    },
                    "description": {
                      "type": "string"
                    },
                    "correctedData": {
                      "type": [
                        "string",
                        "null"
                      ]
                    }
                  }
                },
                "createdAt": {
                  "type": "string"
                }
              }
            },
            "replayed": {
              "type": "boolean"
            },
            "error": {
              "type": "object",
              "required": [
                "code",
                "message"
              ],
              "properties": {
                "code": {
                  "type": "string"
                },
                "message": {
                  "type": "string"
                },
                "fields": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": [
                      "field",
                      "reason"
                    ],
                    "properties": {
                      "field": {
                        "type": "string"
                      },
                      "reason": {
                        "type": "string"
                      }
                    }
                  }
                }
              },
              "additionalProperties": true
            }
          }
        }
      },
      "created": {
        "type": "integer"
      },
      "replayed": {
        "type": "integer"
      },
      "waiting": {
        "type": "integer",
        "description": "items answered 202: waiting for their prenote"
      },
      "failed": {
        "type": "integer"
      }
    }
  },
  "CutFileRequest": {
    "type": [
      "object",
      "null"
    ],
    "properties": {
      "grantId": {
        "type": "string"
      },
      "effectiveDate": {
        "type": "string"
      },
      "maxEntries": {
        "type": "integer",
        "minimum": 1,
        "maximum": 100000,
        "description": "at most this many entries in the file (default 20,000, at most 100,000); cut again for the rest"
      }
    },
    "additionalProperties": false
  },
  "Decision": {
    "type": "object",
    "properties": {
      "reason": {
        "type": "string",
        "minLength": 1,
        "maxLength": 500
      }
    },
    "additionalProperties": false
  },
  "FetchResult": {
    "type": "object",
    "required": [
      "fetched"
    ],
    "properties": {
      "fetched": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "name"
          ],
          "properties": {
            "name": {
              "type": "string"
            },
            "imported": {
              "type": "object",
              "required": [
                "fileId",
                "name",
                "sha256",
                "alreadyImported",
                "importedAt",
                "records",
                "acknowledgement"
              ],
              "properties": {
                "fileId": {
                  "type": "string"
                },
                "name": {
                  "type": "string"
                },
                "sha256": {
                  "type": "string"
                },
                "alreadyImported": {
                  "type": "boolean"
                },
                "importedAt": {
                  "type": "string"
                },
                "records": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": [
                      "line",
                      "kind",
                      "code",
                      "description",
                      "originalTrace",
                      "dateOfDeath",
                      "correctedData",
                      "transferId",
                      "prenoteId",
                      "grantId",
                      "recipientId",
                      "amountCents",
                      "at"
                    ],
                    "properties": {
                      "line": {
                        "type": "integer"
                      },
                      "kind": {
                        "type": "string",
                        "enum": [
                          "returned",
                          "corrected",
                          "dishonored"
                        ]
                      },
                      "code": {
                        "type": "string"
                      },
                      "description": {
                        "type": "string"
                      },
                      "originalTrace": {
                        "type": "string"
                      },
                      "dateOfDeath": {
                        "type": [
                          "string",
                          "null"
                        ]
                      },
                      "correctedData": {
                        "type": [
                          "string",
                          "null"
                        ]
                      },
                      "transferId": {
                        "type": [
                          "string",
                          "null"
                        ]
                      },
                      "prenoteId": {
                        "type": [
                          "string",
                          "null"
                        ]
                      },
                      "grantId": {
                        "type": [
                          "string",
                          "null"
                        ]
                      },
                      "recipientId": {
                        "type": [
                          "string",
                          "null"
                        ]
                      },
                      "amountCents": {
                        "type": [
                          "integer",
                          "null"
                        ]
                      },
                      "at": {
                        "type": "string"
                      }
                    }
                  }
                },
                "acknowledgement": {
                  "type": [
                    "object",
                    "null"
                  ],
                  "required": [
                    "fileId"
                  ],
                  "properties": {
                    "fileId": {
                      "type": [
                        "string",
                        "null"
                      ]
                    }
                  }
                }
              }
            },
            "error": {
              "type": "string"
            }
          }
        }
      }
    }
  },
  "FileList": {
    "type": "object",
    "required": [
      "files"
    ],
    "properties": {
      "files": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "fileId",
            "path",
            "grantId",
            "entries",
            "totalCreditCents",
            "totalDebitCents",
            "entryHash",
            "createdAt"
          ],
          "properties": {
            "fileId": {
              "type": "string"
            },
            "path": {
              "type": "string"
            },
            "grantId": {
              "type": [
                "string",
                "null"
              ]
            },
            "entries": {
              "type": "integer"
            },
            "totalCreditCents": {
              "type": "integer"
            },
            "totalDebitCents": {
              "type": "integer"
            },
            "entryHash": {
              "type": "integer"
            },
            "createdAt": {
              "type": "string"
            }
          }
        }
      }
    }
  },
  "FileQuery": {
    "type": "object",
    "properties": {
      "grantId": {
        "type": "string"
      }
    }
  },
  "FileTransmission": {
    "type": "object",
    "required": [
      "fileId",
      "name",
      "grantId",
      "entries",
      "cutAt",
      "state",
      "sentAt",
      "acknowledgedAt",
      "remotePath",
      "cutoff",
      "late",
      "attempts",
      "lastError",
      "upload",
      "missedWindows"
    ],
    "properties": {
      "fileId": {
        "type": "string"
      },
      "name": {
        "type": "string"
      },
      "grantId": {
        "type": [
          "string",
          "null"
        ]
      },
      "entries": {
        "type": "integer"
      },
      "cutAt": {
        "type": "string"
      },
      "state": {
        "type": "string",
        "enum": [
          "cut",
          "sent",
          "acknowledged"
        ]
      },
      "sentAt": {
        "type": [
          "string",
          "null"
        ]
      },
      "acknowledgedAt": {
        "type": [
          "string",
          "null"
        ]
      },
      "remotePath": {
        "type": [
          "string",
          "null"
        ]
      },
      "cutoff": {
        "type": "string"
      },
      "late": {
        "type": "boolean"
      },
      "attempts": {
        "type": "integer"
      },
      "lastError": {
        "type": [
          "string",
          "null"
        ]
      },
      "upload": {
        "type": [
          "string",
          "null"
        ]
      },
      "missedWindows": {
        "type": "array",
        "items": {
          "type": "string"
        }
      }
    }
  },
  "GrantList": {
    "type": "object",
    "required": [
      "grants"
    ],
    "properties": {
      "grants": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "grantId",
            "transfers",
            "amountCents",
            "queued",
            "filed",
            "files",
            "firstAt",
            "lastAt"
          ],
          "properties": {
            "grantId": {
              "type": "string"
            },
            "transfers": {
              "type": "integer"
            },
            "amountCents": {
              "type": "integer"
            },
            "queued": {
              "type": "integer"
            },
            "filed": {
              "type": "integer"
            },
            "files": {
              "type": "integer"
            },
            "firstAt": {
              "type": "string"
            },
            "lastAt": {
              "type": "string"
            }
          }
        }
      }
    }
  },
  "GrantParams": {
    "type": "object",
    "required": [
      "grantId"
    ],
    "properties": {
      "grantId": {
        "type": "string"
      }
    }
  },
  "GrantSummary": {
    "type": "object",
    "required": [
      "grantId",
      "transfers",
      "amountCents",
      "queued",
      "filed",
      "files",
      "firstAt",
      "lastAt"
    ],
    "properties": {
      "grantId": {
        "type": "string"
      },
      "transfers": {
        "type": "integer"
      },
      "amountCents": {
        "type": "integer"
      },
      "queued": {
        "type": "integer"
      },
      "filed": {
        "type": "integer"
      },
      "files": {
        "type": "integer"
      },
      "firstAt": {
        "type": "string"
      },
      "lastAt": {
        "type": "string"
      }
    }
  },
  "InboundFileRequest": {
    "type": "object",
    "required": [
      "name",
      "text"
    ],
    "properties": {
      "name": {
        "type": "string",
        "minLength": 1,
        "maxLength": 255
      },
      "text": {
        "type": "string",
        "minLength": 1
      }
    },
    "additionalProperties": false
  },
  "InboundImport": {
    "type": "object",
    "required": [
      "fileId",
      "name",
      "sha256",
      "alreadyImported",
      "importedAt",
      "records",
      "acknowledgement"
    ],
    "properties": {
      "fileId": {
        "type": "string"
      },
      "name": {
        "type": "string"
      },
      "sha256": {
        "type": "string"
      },
      "alreadyImported": {
        "type": "boolean"
      },
      "importedAt": {
        "type": "string"
      },
      "records": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "line",
            "kind",
            "code",
            "description",
            "originalTrace",
            "dateOfDeath",
            "correctedData",
            "transferId",
            "prenoteId",
            "grantId",
            "recipientId",
            "amountCents",
            "at"
          ],
          "properties": {
            "line": {
              "type": "integer"
            },
            "kind": {
              "type": "string",
              "enum": [
                "returned",
                "corrected",
                "dishonored"
              ]
            },
            "code": {
              "type": "string"
            },
            "description": {
              "type": "string"
            },
            "originalTrace": {
              "type": "string"
            },
            "dateOfDeath": {
              "type": [
                "string",
                "null"
              ]
            },
            "correctedData": {
              "type": [
                "string",
                "null"
              ]
            },
            "transferId": {
              "type": [
                "string",
                "null"
              ]
            },
            "prenoteId": {
              "type": [
                "string",
                "null"
              ]
            },
            "grantId": {
              "type": [
                "string",
                "null"
              ]
            },
            "recipientId": {
              "type": [
                "string",
                "null"
              ]
            },
            "amountCents": {
              "type": [
                "integer",
                "null"
              ]
            },
            "at": {
              "type": "string"
            }
          }
        }
      },
      "acknowledgement": {
        "type": [
          "object",
          "null"
        ],
        "required": [
          "fileId"
        ],
        "properties": {
          "fileId": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      }
    }
  },
  "NoFile": {
    "type": "object",
    "required": [
      "fileId",
      "entries",
      "message"
    ],
    "properties": {
      "fileId": {
        "type": "null"
      },
      "entries": {
        "type": "number",
        "const": 0
      },
      "message": {
        "type": "string"
      }
    }
  },
  "Prenote": {
    "type": "object",
    "required": [
      "id",
      "grantId",
      "recipientId",
      "routing",
      "accountLast4",
      "accountType",
      "traceNumber",
      "status",
      "fileId",
      "effectiveDate",
      "payableFrom",
      "state",
      "answer",
      "createdAt"
    ],
    "properties": {
      "id": {
        "type": "string"
      },
      "grantId": {
        "type": "string"
      },
      "recipientId": {
        "type": "string"
      },
      "routing": {
        "type": "string"
      },
      "accountLast4": {
        "type": "string"
      },
      "accountType": {
        "type": "string",
        "enum": [
          "checking",
          "savings"
        ]
      },
      "traceNumber": {
        "type": "string"
      },
      "status": {
        "type": "string",
        "enum": [
          "queued",
          "filed"
        ]
      },
      "fileId": {
        "type": [
          "string",
          "null"
        ]
      },
      "effectiveDate": {
        "type": "string"
      },
      "payableFrom": {
        "type": "string",
        "description": "the third banking day after the prenote settles: the first day its payment is sent"
      },
      "state": {
        "type": "string",
        "enum": [
          "waiting",
          "payable",
          "held"
        ]
      },
      "answer": {
        "type": [
          "object",
          "null"
        ],
        "required": [
          "kind",
          "code",
          "description",
          "correctedData"
        ],
        "properties": {
          "kind": {
            "type": "string",
            "enum": [
              "returned",
              "corrected",
              "dishonored"
            ]
          },
          "code": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "correctedData": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "createdAt": {
        "type": "string"
      }
    }
  },
  "PrenoteList": {
    "type": "object",
    "required": [
      "prenotes"
    ],
    "properties": {
      "prenotes": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "id",
            "grantId",
            "recipientId",
            "routing",
            "accountLast4",
            "accountType",
            "traceNumber",
            "status",
            "fileId",
            "effectiveDate",
            "payableFrom",
            "state",
            "answer",
            "createdAt"
          ],
          "properties": {
            "id": {
              "type": "string"
            },
            "grantId": {
              "type": "string"
            },
            "recipientId": {
              "type": "string"
            },
            "routing": {
              "type": "string"
            },
            "accountLast4": {
              "type": "string"
            },
            "accountType": {
              "type": "string",
              "enum": [
                "checking",
                "savings"
              ]
            },
            "traceNumber": {
              "type": "string"
            },
            "status": {
              "type": "string",
              "enum": [
                "queued",
                "filed"
              ]
            },
            "fileId": {
              "type": [
                "string",
                "null"
              ]
            },
            "effectiveDate": {
              "type": "string"
            },
            "payableFrom": {
              "type": "string",
              "description": "the third banking day after the prenote settles: the first day its payment is sent"
            },
            "state": {
              "type": "string",
              "enum": [
                "waiting",
                "payable",
                "held"
              ]
            },
            "answer": {
              "type": [
                "object",
                "null"
              ],
              "required": [
                "kind",
                "code",
                "description",
                "correctedData"
              ],
              "properties": {
                "kind": {
                  "type": "string",
                  "enum": [
                    "returned",
                    "corrected",
                    "dishonored"
                  ]
                },
                "code": {
                  "type": "string"
                },
                "description": {
                  "type": "string"
                },
                "correctedData": {
                  "type": [
                    "string",
                    "null"
                  ]
                }
              }
            },
            "createdAt": {
              "type": "string"
            }
          }
        }
      }
    }
  },
  "PrenoteQuery": {
    "type": "object",
    "properties": {
      "grantId": {
        "type": "string"
      }
    },
    "additionalProperties": false
  },
  "ReturnList": {
    "type": "object",
    "required": [
      "returns"
    ],
    "properties": {
      "returns": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "line",
            "kind",
            "code",
            "description",
            "originalTrace",
            "dateOfDeath",
            "correctedData",
            "transferId",
            "prenoteId",
            "grantId",
            "recipientId",
            "amountCents",
            "at"
          ],
          "properties": {
            "line": {
              "type": "integer"
            },
            "kind": {
              "type": "string",
              "enum": [
                "returned",
                "corrected",
                "dishonored"
              ]
            },
            "code": {
              "type": "string"
            },
            "description": {
              "type": "string"
            },
            "originalTrace": {
              "type": "string"
            },
            "dateOfDeath": {
              "type": [
                "string",
                "null"
              ]
            },
            "correctedData": {
              "type": [
                "string",
                "null"
              ]
            },
            "transferId": {
              "type": [
                "string",
                "null"
              ]
            },
            "prenoteId": {
              "type": [
                "string",
                "null"
              ]
            },
            "grantId": {
              "type": [
                "string",
                "null"
              ]
            },
            "recipientId": {
              "type": [
                "string",
                "null"
              ]
            },
            "amountCents": {
              "type": [
                "integer",
                "null"
              ]
            },
            "at": {
              "type": "string"
            }
          }
        }
      }
    }
  },
  "ReturnRate": {
    "type": "object",
    "required": [
      "category",
      "returns",
      "rate",
      "threshold",
      "over"
    ],
    "properties": {
      "category": {
        "type": "string",
        "enum": [
          "unauthorized",
          "administrative",
          "overall"
        ]
      },
      "returns": {
        "type": "integer"
      },
      "rate": {
        "type": [
          "number",
          "null"
        ]
      },
      "threshold": {
        "type": "number"
      },
      "over": {
        "type": "boolean"
      }
    }
  },
  "ReturnRates": {
    "type": "object",
    "required": [
      "windowDays",
      "since",
      "originators",
      "unmatched"
    ],
    "properties": {
      "windowDays": {
        "type": "integer"
      },
      "since": {
        "type": "string"
      },
      "originators": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "companyId",
            "originatorName",
            "entries",
            "rates"
          ],
          "properties": {
            "companyId": {
              "type": "string"
            },
            "originatorName": {
              "type": "string"
            },
            "entries": {
              "type": "integer"
            },
            "rates": {
              "type": "array",
              "items": {
                "type": "object",
                "required": [
                  "category",
                  "returns",
                  "rate",
                  "threshold",
                  "over"
                ],
                "properties": {
                  "category": {
                    "type": "string",
                    "enum": [
                      "unauthorized",
                      "administrative",
                      "overall"
                    ]
                  },
                  "returns": {
                    "type": "integer"
                  },
                  "rate": {
                    "type": [
                      "number",
                      "null"
                    ]
                  },
                  "threshold": {
                    "type": "number"
                  },
                  "over": {
                    "type": "boolean"
                  }
                }
              }
            }
          }
        }
      },
      "unmatched": {
        "type": "integer",
        "description": "returns in the window that match no transfer, so no originator"
      }
    }
  },
  "ReturnRecord": {
    "type": "object",
    "required": [
      "line",
      "kind",
      "code",
      "description",
      "originalTrace",
      "dateOfDeath",
      "correctedData",
      "transferId",
      "prenoteId",
      "grantId",
      "recipientId",
      "amountCents",
      "at"
    ],
    "properties": {
      "line": {
        "type": "integer"
      },
      "kind": {
        "type": "string",
        "enum": [
          "returned",
          "corrected",
          "dishonored"
        ]
      },
      "code": {
        "type": "string"
      },
      "description": {
        "type": "string"
      },
      "originalTrace": {
        "type": "string"
      },
      "dateOfDeath": {
        "type": [
          "string",
          "null"
        ]
      },
      "correctedData": {
        "type": [
          "string",
          "null"
        ]
      },
      "transferId": {
        "type": [
          "string",
          "null"
        ]
      },
      "prenoteId": {
        "type": [
          "string",
          "null"
        ]
      },
      "grantId": {
        "type": [
          "string",
          "null"
        ]
      },
      "recipientId": {
        "type": [
          "string",
          "null"
        ]
      },
      "amountCents": {
        "type": [
          "integer",
          "null"
        ]
      },
      "at": {
        "type": "string"
      }
    }
  },
  "ReturnWindowQuery": {
    "type": "object",
    "properties": {
      "days": {
        "type": "string",
        "pattern": "^([1-9]|[1-9][0-9]|[12][0-9]{2}|3[0-5][0-9]|36[0-6])$",
        "description": "a whole number of days, 1-366 (default 60)"
      }
    },
    "additionalProperties": false
  },
  "ReturnedAccount": {
    "type": "object",
    "required": [
      "accountKey",
      "routing",
      "accountLast4",
      "accountType",
      "code",
      "description",
      "grantId",
      "recipientId",
      "idempotencyKey",
      "returnedAt"
    ],
    "properties": {
      "accountKey": {
        "type": "string",
        "description": "SHA-256 of routing:account, to match without showing the number"
      },
      "routing": {
        "type": "string"
      },
      "accountLast4": {
        "type": "string"
      },
      "accountType": {
        "type": "string",
        "enum": [
          "checking",
          "savings"
        ]
      },
      "code": {
        "type": "string"
      },
      "description": {
        "type": "string"
      },
      "grantId": {
        "type": "string"
      },
      "recipientId": {
        "type": "string"
      },
      "idempotencyKey": {
        "type": "string"
      },
      "returnedAt": {
        "type": "string"
      }
    }
  },
  "ReturnedAccountList": {
    "type": "object",
    "required": [
      "accounts"
    ],
    "properties": {
      "accounts": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "accountKey",
            "routing",
            "accountLast4",
            "accountType",
            "code",
            "description",
            "grantId",
            "recipientId",
            "idempotencyKey",
            "returnedAt"
          ],
          "properties": {
            "accountKey": {
              "type": "string",
              "description": "SHA-256 of routing:account, to match without showing the number"
            },
            "routing": {
              "type": "string"
            },
            "accountLast4": {
              "type": "string"
            },
            "accountType": {
              "type": "string",
              "enum": [
                "checking",
                "savings"
              ]
            },
            "code": {
              "type": "string"
            },
            "description": {
              "type": "string"
            },
            "grantId": {
              "type": "string"
            },
            "recipientId": {
              "type": "string"
            },
            "idempotencyKey": {
              "type": "string"
            },
            "returnedAt": {
              "type": "string"
            }
          }
        }
      }
    }
  },
  "SendRequest": {
    "type": [
      "object",
      "null"
    ],
    "properties": {
      "fileId": {
        "type": "string",
        "minLength": 1
      }
    },
    "additionalProperties": false
  },
  "SendResult": {
    "type": "object",
    "required": [
      "sending",
      "results",
      "merge",
      "nextWindow",
      "files",
      "uploads"
    ],
    "properties": {
      "sending": {
        "type": "boolean"
      },
      "results": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "fileId",
            "outcome"
          ],
          "properties": {
            "fileId": {
              "type": "string"
            },
            "name": {
              "type": "string"
            },
            "outcome": {
              "type": "string"
            }
          }
        }
      },
      "merge": {
        "type": "boolean"
      },
      "nextWindow": {
        "type": [
          "object",
          "null"
        ],
        "required": [
          "cutoff",
          "uploadAt"
        ],
        "properties": {
          "cutoff": {
            "type": "string"
          },
          "uploadAt": {
            "type": "string"
          }
        }
      },
      "files": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "fileId",
            "name",
            "grantId",
            "entries",
            "cutAt",
            "state",
            "sentAt",
            "acknowledgedAt",
            "remotePath",
            "cutoff",
            "late",
            "attempts",
            "lastError",
            "upload",
            "missedWindows"
          ],
          "properties": {
            "fileId": {
              "type": "string"
            },
            "name": {
              "type": "string"
            },
            "grantId": {
              "type": [
                "string",
                "null"
              ]
            },
            "entries": {
              "type": "integer"
            },
            "cutAt": {
              "type": "string"
            },
            "state": {
              "type": "string",
              "enum": [
                "cut",
                "sent",
                "acknowledged"
              ]
            },
            "sentAt": {
              "type": [
                "string",
                "null"
              ]
            },
            "acknowledgedAt": {
              "type": [
                "string",
                "null"
              ]
            },
            "remotePath": {
              "type": [
                "string",
                "null"
              ]
            },
            "cutoff": {
              "type": "string"
            },
            "late": {
              "type": "boolean"
            },
            "attempts": {
              "type": "integer"
            },
            "lastError": {
              "type": [
                "string",
                "null"
              ]
            },
            "upload": {
              "type": [
                "string",
                "null"
              ]
            },
            "missedWindows": {
              "type": "array",
              "items": {
                "type": "string"
              }
            }
          }
        }
      },
      "uploads": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "uploadId",
            "name",
            "window",
            "state",
            "entries",
            "lines",
            "totalCreditCents",
            "createdAt",
            "sentAt",
            "remotePath",
            "attempts",
            "lastError",
            "files"
          ],
          "properties": {
            "uploadId": {
              "type": "string"
            },
            "name": {
              "type": "string"
            },
            "window": {
              "type": "string"
            },
            "state": {
              "type": "string",
              "enum": [
                "merged",
                "sent",
                "acknowledged",
                "missed"
              ]
            },
            "entries": {
              "type": "integer"
            },
            "lines": {
              "type": "integer"
            },
            "totalCreditCents": {
              "type": "integer"
            },
            "createdAt": {
              "type": "string"
            },
            "sentAt": {
              "type": [
                "string",
                "null"
              ]
            },
            "remotePath": {
              "type": [
                "string",
                "null"
              ]
            },
            "attempts": {
              "type": "integer"
            },
            "lastError": {
              "type": [
                "string",
                "null"
              ]
            },
            "files": {
              "type": "array",
              "items": {
                "type": "string"
              }
            }
          }
        }
      }
    }
  },
  "Transfer": {
    "type": "object",
    "required": [
      "id",
      "status",
      "traceNumber",
      "grantId",
      "recipientId",
      "name",
      "routing",
      "accountLast4",
      "accountType",
      "amountCents",
      "secCode",
      "effectiveDate",
      "fileId",
      "createdAt"
    ],
    "properties": {
      "id": {
        "type": "string"
      },
      "status": {
        "type": "string",
        "enum": [
          "queued",
          "filed"
        ]
      },
      "traceNumber": {
        "type": "string"
      },
      "grantId": {
        "type": "string"
      },
      "recipientId": {
        "type": "string"
      },
      "name": {
        "type": "string"
      },
      "routing": {
        "type": "string"
      },
      "accountLast4": {
        "type": "string"
      },
      "accountType": {
        "type": "string",
        "enum": [
          "checking",
          "savings"
        ]
      },
      "amountCents": {
        "type": "integer"
      },
      "secCode": {
        "type": "string",
        "enum": [
          "CCD",
          "PPD"
        ]
      },
      "effectiveDate": {
        "type": "string"
      },
      "fileId": {
        "type": [
          "string",
          "null"
        ]
      },
      "createdAt": {
        "type": "string"
      }
    }
  },
  "TransferList": {
    "type": "object",
    "required": [
      "transfers"
    ],
    "properties": {
      "transfers": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "id",
            "status",
            "traceNumber",
            "grantId",
            "recipientId",
            "name",
            "routing",
            "accountLast4",
            "accountType",
            "amountCents",
            "secCode",
            "effectiveDate",
            "fileId",
            "createdAt"
          ],
          "properties": {
            "id": {
              "type": "string"
            },
            "status": {
              "type": "string",
              "enum": [
                "queued",
                "filed"
              ]
            },
            "traceNumber": {
              "type": "string"
            },
            "grantId": {
              "type": "string"
            },
            "recipientId": {
              "type": "string"
            },
            "name": {
              "type": "string"
            },
            "routing": {
              "type": "string"
            },
            "accountLast4": {
              "type": "string"
            },
            "accountType": {
              "type": "string",
              "enum": [
                "checking",
                "savings"
              ]
            },
            "amountCents": {
              "type": "integer"
            },
            "secCode": {
              "type": "string",
              "enum": [
                "CCD",
                "PPD"
              ]
            },
            "effectiveDate": {
              "type": "string"
            },
            "fileId": {
              "type": [
                "string",
                "null"
              ]
            },
            "createdAt": {
              "type": "string"
            }
          }
        }
      }
    }
  },
  "TransferQuery": {
    "type": "object",
    "properties": {
      "grantId": {
        "type": "string"
      },
      "status": {
        "type": "string",
        "enum": [
          "queued",
          "filed"
        ]
      }
    },
    "additionalProperties": false
  },
  "TransferRequest": {
    "type": "object",
    "required": [
      "grantId",
      "recipientId",
      "name",
      "routing",
      "account",
      "accountType",
      "amountCents",
      "secCode",
      "originator"
    ],
    "properties": {
      "grantId": {
        "type": "string"
      },
      "recipientId": {
        "type": "string"
      },
      "name": {
        "type": "string",
        "maxLength": 100,
        "description": "kept whole (at most 100 characters); the NACHA record carries it folded to upper-case ASCII and cut to 22 characters"
      },
      "routing": {
        "type": "string",
        "pattern": "^\\d{9}$"
      },
      "account": {
        "type": "string",
        "pattern": "^[0-9A-Za-z-]{1,17}$"
      },
      "accountType": {
        "type": "string",
        "enum": [
          "checking",
          "savings"
        ]
      },
      "amountCents": {
        "type": "integer",
        "minimum": 1,
        "maximum": 9999999999
      },
      "secCode": {
        "type": "string",
        "enum": [
          "CCD",
          "PPD"
        ]
      },
      "originator": {
        "type": "object",
        "required": [
          "name",
          "companyId",
          "odfiRouting"
        ],
        "properties": {
          "name": {
            "type": "string"
          },
          "companyId": {
            "type": "string"
          },
          "odfiRouting": {
            "type": "string"
          }
        }
      },
      "effectiveDate": {
        "type": "string",
        "format": "date"
      },
      "approval": {
        "type": "string",
        "pattern": "^[0-9a-f]{64}$",
        "description": "a grant over approvals.over: the approved grant file's SHA-256"
      },
      "prenote": {
        "type": "boolean",
        "description": "an account (routing, number, type) the ledger never paid gets a zero-dollar prenote first, and the payment waits three banking days after it settles (answered 202 with the prenote)"
      }
    }
  },
  "TransmissionList": {
    "type": "object",
    "required": [
      "merge",
      "nextWindow",
      "files",
      "uploads"
    ],
    "properties": {
      "merge": {
        "type": "boolean"
      },
      "nextWindow": {
        "type": [
          "object",
          "null"
        ],
        "required": [
          "cutoff",
          "uploadAt"
        ],
        "properties": {
          "cutoff": {
            "type": "string"
          },
          "uploadAt": {
            "type": "string"
          }
        }
      },
      "files": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "fileId",
            "name",
            "grantId",
            "entries",
            "cutAt",
            "state",
            "sentAt",
            "acknowledgedAt",
            "remotePath",
            "cutoff",
            "late",
            "attempts",
            "lastError",
            "upload",
            "missedWindows"
          ],
          "properties": {
            "fileId": {
              "type": "string"
            },
            "name": {
              "type": "string"
            },
            "grantId": {
              "type": [
                "string",
                "null"
              ]
            },
            "entries": {
              "type": "integer"
            },
            "cutAt": {
              "type": "string"
            },
            "state": {
              "type": "string",
              "enum": [
                "cut",
                "sent",
                "acknowledged"
              ]
            },
            "sentAt": {
              "type": [
                "string",
                "null"
              ]
            },
            "acknowledgedAt": {
              "type": [
                "string",
                "null"
              ]
            },
            "remotePath": {
              "type": [
                "string",
                "null"
              ]
            },
            "cutoff": {
              "type": "string"
            },
            "late": {
              "type": "boolean"
            },
            "attempts": {
              "type": "integer"
            },
            "lastError": {
              "type": [
                "string",
                "null"
              ]
            },
            "upload": {
              "type": [
                "string",
                "null"
              ]
            },
            "missedWindows": {
              "type": "array",
              "items": {
                "type": "string"
              }
            }
          }
        }
      },
      "uploads": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "uploadId",
            "name",
            "window",
            "state",
            "entries",
            "lines",
            "totalCreditCents",
            "createdAt",
            "sentAt",
            "remotePath",
            "attempts",
            "lastError",
            "files"
          ],
          "properties": {
            "uploadId": {
              "type": "string"
            },
            "name": {
              "type": "string"
            },
            "window": {
              "type": "string"
            },
            "state": {
              "type": "string",
              "enum": [
                "merged",
                "sent",
                "acknowledged",
                "missed"
              ]
            },
            "entries": {
              "type": "integer"
            },
            "lines": {
              "type": "integer"
            },
            "totalCreditCents": {
              "type": "integer"
            },
            "createdAt": {
              "type": "string"
            },
            "sentAt": {
              "type": [
                "string",
                "null"
              ]
            },
            "remotePath": {
              "type": [
                "string",
                "null"
              ]
            },
            "attempts": {
              "type": "integer"
            },
            "lastError": {
              "type": [
                "string",
                "null"
              ]
            },
            "files": {
              "type": "array",
              "items": {
                "type": "string"
              }
            }
          }
        }
      }
    }
  },
  "UploadTransmission": {
    "type": "object",
    "required": [
      "uploadId",
      "name",
      "window",
      "state",
      "entries",
      "lines",
      "totalCreditCents",
      "createdAt",
      "sentAt",
      "remotePath",
      "attempts",
      "lastError",
      "files"
    ],
    "properties": {
      "uploadId": {
        "type": "string"
      },
      "name": {
        "type": "string"
      },
      "window": {
        "type": "string"
      },
      "state": {
        "type": "string",
        "enum": [
          "merged",
          "sent",
          "acknowledged",
          "missed"
        ]
      },
      "entries": {
        "type": "integer"
      },
      "lines": {
        "type": "integer"
      },
      "totalCreditCents": {
        "type": "integer"
      },
      "createdAt": {
        "type": "string"
      },
      "sentAt": {
        "type": [
          "string",
          "null"
        ]
      },
      "remotePath": {
        "type": [
          "string",
          "null"
        ]
      },
      "attempts": {
        "type": "integer"
      },
      "lastError": {
        "type": [
          "string",
          "null"
        ]
      },
      "files": {
        "type": "array",
        "items": {
          "type": "string"
        }
      }
    }
  }
};

export const analytics = {
  "AnalyticsEvent": {
    "type": "object",
    "required": [
      "id",
      "type",
      "at"
    ],
    "properties": {
      "id": {
        "type": "string",
        "minLength": 1,
        "maxLength": 200
      },
      "type": {
        "type": "string",
        "pattern": "^[a-z][a-z0-9_.-]{0,63}$"
      },
      "at": {
        "type": "string",
        "format": "date-time"
      },
      "grantId": {
        "type": "string",
        "maxLength": 64
      },
      "amountCents": {
        "type": "integer",
        "minimum": 0
      },
      "status": {
        "type": "string",
        "maxLength": 32
      },
      "attributes": {
        "type": "object",
        "patternProperties": {
          "^.*$": {}
        }
      }
    },
    "additionalProperties": false
  },
  "EventBatch": {
    "type": "object",
    "required": [
      "events"
    ],
    "properties": {
      "events": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "id",
            "type",
            "at"
          ],
          "properties": {
            "id": {
              "type": "string",
              "minLength": 1,
              "maxLength": 200
            },
            "type": {
              "type": "string",
              "pattern": "^[a-z][a-z0-9_.-]{0,63}$"
            },
            "at": {
              "type": "string",
              "format": "date-time"
            },
            "grantId": {
              "type": "string",
              "maxLength": 64
            },
            "amountCents": {
              "type": "integer",
              "minimum": 0
            },
            "status": {
              "type": "string",
              "maxLength": 32
            },
            "attributes": {
              "type": "object",
              "patternProperties": {
                "^.*$": {}
              }
            }
          },
          "additionalProperties": false
        },
        "minItems": 1,
        "maxItems": 10000
      }
    },
    "additionalProperties": false
  },
  "GrantParams": {
    "type": "object",
    "required": [
      "grantId"
    ],
    "properties": {
      "grantId": {
        "type": "string"
      }
    }
  },
  "GrantReport": {
    "type": "object",
    "required": [
      "grantId",
      "byType",
      "total"
    ],
    "properties": {
      "grantId": {
        "type": "string"
      },
      "byType": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "type",
            "status",
            "count",
            "amountCents"
          ],
          "properties": {
            "type": {
              "type": "string"
            },
            "status": {
              "type": [
                "string",
                "null"
              ]
            },
            "count": {
              "type": "integer"
            },
            "amountCents": {
              "type": "integer"
            }
          }
        }
      },
      "total": {
        "type": "object",
        "required": [
          "count",
          "amountCents"
        ],
        "properties": {
          "count": {
            "type": "integer"
          },
          "amountCents": {
            "type": "integer"
          }
        }
      }
    }
  },
  "Ingested": {
    "type": "object",
    "required": [
      "accepted",
      "duplicates"
    ],
    "properties": {
      "accepted": {
        "type": "integer"
      },
      "duplicates": {
        "type": "integer"
      }
    }
  },
  "SummaryQuery": {
    "type": "object",
    "properties": {
      "since": {
        "type": "string",
        "format": "date-time"
      }
    }
  },
  "SummaryReport": {
    "type": "object",
    "required": [
      "since",
      "byType",
      "grants"
    ],
    "properties": {
      "since": {
        "type": [
          "string",
          "null"
        ]
      },
      "byType": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "type",
            "count",
            "amountCents"
          ],
          "properties": {
            "type": {
              "type": "string"
            },
            "count": {
              "type": "integer"
            },
            "amountCents": {
              "type": "integer"
            }
          }
        }
      },
      "grants": {
        "type": "integer"
      }
    }
  }
};

export const auth = {
  "CreateUserRequest": {
    "type": "object",
    "required": [
      "username",
      "password",
      "email"
    ],
    "properties": {
      "username": {
        "type": "string",
        "pattern": "^[a-z][a-z0-9._-]{1,31}$"
      },
      "password": {
        "type": "string",
        "minLength": 12,
        "maxLength": 1024
      },
      "email": {
        "type": "string",
        "pattern": "^[^@\\s]+@[^@\\s]+$"
      },
      "roles": {
        "type": "array",
        "items": {
          "type": "string",
          "enum": [
            "admin",
            "operator",
            "approver",
            "viewer"
          ]
        },
        "uniqueItems": true,
        "minItems": 1
      }
    },
    "additionalProperties": false
  },
  "Jwks": {
    "type": "object",
    "required": [
      "keys"
    ],
    "properties": {
      "keys": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {},
          "additionalProperties": true
        }
      }
    }
  },
  "LoginRequest": {
    "type": "object",
    "required": [
      "username",
      "password"
    ],
    "properties": {
      "username": {
        "type": "string",
        "minLength": 1,
        "maxLength": 64
      },
      "password": {
        "type": "string",
        "minLength": 1,
        "maxLength": 1024
      }
    },
    "additionalProperties": false
  },
  "LoginResult": {
    "type": "object",
    "required": [
      "token",
      "expiresAt",
      "user"
    ],
    "properties": {
      "token": {
        "type": "string"
      },
      "expiresAt": {
        "type": "string"
      },
      "user": {
        "type": "object",
        "required": [
          "id",
          "username",
          "email",
          "roles",
          "disabled"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "username": {
            "type": "string"
          },
          "email": {
            "type": "string"
          },
          "roles": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "disabled": {
            "type": "boolean"
          }
        }
      }
    }
  },
  "ROLES": [
    "admin",
    "operator",
    "approver",
    "viewer"
  ],
  "SetRolesRequest": {
    "type": "object",
    "required": [
      "roles"
    ],
    "properties": {
      "roles": {
        "type": "array",
        "items": {
          "type": "string",
          "enum": [
            "admin",
            "operator",
            "approver",
            "viewer"
          ]
        },
        "uniqueItems": true,
        "minItems": 1
      }
    },
    "additionalProperties": false
  },
  "User": {
    "type": "object",
    "required": [
      "id",
      "username",
      "email",
      "roles",
      "disabled"
    ],
    "properties": {
      "id": {
        "type": "string"
      },
      "username": {
        "type": "string"
      },
      "email": {
        "type": "string"
      },
      "roles": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "disabled": {
        "type": "boolean"
      }
    }
  },
  "UserList": {
    "type": "object",
    "required": [
      "users"
    ],
    "properties": {
      "users": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "id",
            "username",
            "email",
            "roles",
            "disabled"
          ],
          "properties": {
            "id": {
              "type": "string"
            },
            "username": {
              "type": "string"
            },
            "email": {
              "type": "string"
            },
            "roles": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "disabled": {
              "type": "boolean"
            }
          }
        }
      }
    }
  },
  "UsernameParams": {
    "type": "object",
    "required": [
      "username"
    ],
    "properties": {
      "username": {
        "type": "string"
      }
    }
  }
};

export const mailSink = {
  "CountQuery": {
    "type": "object",
    "properties": {
      "domain": {
        "type": "string"
      }
    }
  },
  "Message": {
    "type": "object",
    "required": [
      "id",
      "messageId",
      "from",
      "to",
      "subject",
      "size",
      "receivedAt"
    ],
    "properties": {
      "id": {
        "type": "string"
      },
      "messageId": {
        "type": [
          "string",
          "null"
        ]
      },
      "from": {
        "type": [
          "string",
          "null"
        ]
      },
      "to": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "subject": {
        "type": [
          "string",
          "null"
        ]
      },
      "size": {
        "type": "integer"
      },
      "receivedAt": {
        "type": "string"
      }
    }
  },
  "MessageCount": {
    "type": "object",
    "required": [
      "count"
    ],
    "properties": {
      "count": {
        "type": "integer"
      }
    }
  },
  "MessageList": {
    "type": "object",
    "required": [
      "messages",
      "smtpPort"
    ],
    "properties": {
      "messages": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "id",
            "messageId",
            "from",
            "to",
            "subject",
            "size",
            "receivedAt"
          ],
          "properties": {
            "id": {
              "type": "string"
            },
            "messageId": {
              "type": [
                "string",
                "null"
              ]
            },
            "from": {
              "type": [
                "string",
                "null"
              ]
            },
            "to": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "subject": {
              "type": [
                "string",
                "null"
              ]
            },
            "size": {
              "type": "integer"
            },
            "receivedAt": {
              "type": "string"
            }
          }
        }
      },
      "smtpPort": {
        "type": "integer"
      }
    }
  },
  "MessageQuery": {
    "type": "object",
    "properties": {
      "to": {
        "type": "string"
      },
      "limit": {
        "type": "string",
        "pattern": "^[0-9]{1,6}$"
      }
    }
  },
  "MessageWithRaw": {
    "type": "object",
    "required": [
      "id",
      "messageId",
      "from",
      "to",
      "subject",
      "size",
      "receivedAt",
      "raw"
    ],
    "properties": {
      "id": {
        "type": "string"
      },
      "messageId": {
        "type": [
          "string",
          "null"
        ]
      },
      "from": {
        "type": [
          "string",
          "null"
        ]
      },
      "to": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "subject": {
        "type": [
          "string",
          "null"
        ]
      },
      "size": {
        "type": "integer"
      },
      "receivedAt": {
        "type": "string"
      },
      "raw": {
        "type": "string"
      }
    }
  }
};

export const messaging = {
  "Email": {
    "type": "object",
    "required": [
      "id",
      "status",
      "to",
      "subject",
      "attempts",
      "lastError",
      "messageId",
      "createdAt",
      "sentAt"
    ],
    "properties": {
      "id": {
        "type": "string"
      },
      "status": {
        "type": "string",
        "enum": [
          "queued",
          "sending",
          "sent",
          "failed"
        ]
      },
      "to": {
        "type": "string"
      },
      "subject": {
        "type": "string"
      },
      "attempts": {
        "type": "integer"
      },
      "lastError": {
        "type": [
          "string",
          "null"
        ]
      },
      "messageId": {
        "type": [
          "string",
          "null"
        ]
      },
      "createdAt": {
        "type": "string"
      },
      "sentAt": {
        "type": [
          "string",
          "null"
        ]
      }
    }
  },
  "EmailBatchRequest": {
    "type": "object",
    "required": [
      "emails"
    ],
    "properties": {
      "emails": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "to",
            "subject",
            "text",
            "idempotencyKey"
          ],
          "properties": {
            "to": {
              "type": "string",
              "pattern": "^[^@\\s<>,]+@[^@\\s<>,]+$",
              "maxLength": 254
            },
            "subject": {
              "type": "string",
              "minLength": 1,
              "maxLength": 998
            },
            "text": {
              "type": "string",
              "maxLength": 1000000
            },
            "html": {
              "type": "string",
              "maxLength": 1000000
            },
            "idempotencyKey": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          },
          "additionalProperties": false
        },
        "minItems": 1,
        "maxItems": 10000
      }
    },
    "additionalProperties": false
  },
  "EmailBatchResult": {
    "type": "object",
    "required": [
      "results",
      "queued",
      "replayed",
      "failed"
    ],
    "properties": {
      "results": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "index",
            "status"
          ],
          "properties": {
            "index": {
              "type": "integer"
            },
            "status": {
              "type": "integer"
            },
            "email": {
              "type": "object",
              "required": [
                "id",
                "status"
              ],
              "properties": {
                "id": {
                  "type": "string"
                },
                "status": {
                  "type": "string",
                  "enum": [
                    "queued",
                    "sending",
                    "sent",
                    "failed"
                  ]
                },
                "to": {
                  "type": "string"
                },
                "subject": {
                  "type": "string"
                },
                "attempts": {
                  "type": "integer"
                },
                "lastError": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "messageId": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "createdAt": {
                  "type": "string"
                },
                "sentAt": {
                  "type": [
                    "string",
                    "null"
                  ]
                }
              }
            },
            "replayed": {
              "type": "boolean"
            },
            "error": {
              "type": "object",
              "required": [
                "code",
                "message"
              ],
              "properties": {
                "code": {
                  "type": "string"
                },
                "message": {
                  "type": "string"
                },
                "fields": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": [
                      "field",
                      "reason"
                    ],
                    "properties": {
                      "field": {
                        "type": "string"
                      },
                      "reason": {
                        "type": "string"
                      }
                    }
                  }
                }
              },
              "additionalProperties": true
            }
          }
        }
      },
      "queued": {
        "type": "integer"
      },
      "replayed": {
        "type": "integer"
      },
      "failed": {
        "type": "integer"
      }
    }
  },
  "EmailList": {
    "type": "object",
    "required": [
      "counts"
    ],
    "properties": {
      "counts": {
        "type": "object",
        "patternProperties": {
          "^.*$": {
            "type": "integer"
          }
        }
      },
      "emails": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "id",
            "status",
            "to",
            "subject",
            "attempts",
            "lastError",
            "messageId",
            "createdAt",
            "sentAt"
          ],
          "properties": {
            "id": {
              "type": "string"
            },
            "status": {
              "type": "string",
              "enum": [
                "queued",
                "sending",
                "sent",
                "failed"
              ]
            },
            "to": {
              "type": "string"
            },
            "subject": {
              "type": "string"
            },
            "attempts": {
              "type": "integer"
            },
            "lastError": {
              "type": [
                "string",
                "null"
              ]
            },
            "messageId": {
              "type": [
                "string",
                "null"
              ]
            },
            "createdAt": {
              "type": "string"
            },
            "sentAt": {
              "type": [
                "string",
                "null"
              ]
            }
          }
        }
      }
    }
  },
  "EmailLookup": {
    "type": "object",
    "required": [
      "emails"
    ],
    "properties": {
      "emails": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "key",
            "email"
          ],
          "properties": {
            "key": {
              "type": "string"
            },
            "email": {
              "type": "object",
              "required": [
                "id",
                "status",
                "to",
                "subject",
                "attempts",
                "lastError",
                "messageId",
                "createdAt",
                "sentAt"
              ],
              "properties": {
                "id": {
                  "type": "string"
                },
                "status": {
                  "type": "string",
                  "enum": [
                    "queued",
                    "sending",
                    "sent",
                    "failed"
                  ]
                },
                "to": {
                  "type": "string"
                },
                "subject": {
                  "type": "string"
                },
                "attempts": {
                  "type": "integer"
                },
                "lastError": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "messageId": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "createdAt": {
                  "type": "string"
                },
                "sentAt": {
                  "type": [
                    "string",
                    "null"
                  ]
                }
              }
            }
          }
        }
      }
    }
  },
  "EmailLookupRequest": {
    "type": "object",
    "required": [
      "keys"
    ],
    "properties": {
      "keys": {
        "type": "array",
        "items": {
          "type": "string",
          "minLength": 1,
          "maxLength": 255
        },
        "minItems": 1,
        "maxItems": 10000
      }
    },
    "additionalProperties": false
  },
  "EmailQuery": {
    "type": "object",
    "properties": {
      "status": {
        "type": "string"
      },
      "keyPrefix": {
        "type": "string"
      },
      "countsOnly": {
        "type": "string",
        "enum": [
          "true",
          "false"
        ]
      }
    }
  },
  "EmailRequest": {
    "type": "object",
    "required": [
      "to",
      "subject",
      "text"
    ],
    "properties": {
      "to": {
        "type": "string",
        "pattern": "^[^@\\s<>,]+@[^@\\s<>,]+$",
        "maxLength": 254
      },
      "subject": {
        "type": "string",
        "minLength": 1,
        "maxLength": 998
      },
      "text": {
        "type": "string",
        "maxLength": 1000000
      },
      "html": {
        "type": "string",
        "maxLength": 1000000
      }
    },
    "additionalProperties": false
  }
};

export const shared = {
  "AuditEntry": {
    "type": "object",
    "required": [
      "seq",
      "body",
      "prevHash",
      "hash"
    ],
    "properties": {
      "seq": {
        "type": "integer"
      },
      "body": {
        "type": "string",
        "description": "JSON: at, who, action, requestId, detail; hashed as it is"
      },
      "prevHash": {
        "type": "string"
      },
      "hash": {
        "type": "string",
        "description": "SHA-256 (hex) of prevHash followed by body"
      }
    }
  },
  "AuditList": {
    "type": "object",
    "required": [
      "chain",
      "entries"
    ],
    "properties": {
      "chain": {
        "type": "string"
      },
      "entries": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "seq",
            "body",
            "prevHash",
            "hash"
          ],
          "properties": {
            "seq": {
              "type": "integer"
            },
            "body": {
              "type": "string",
              "description": "JSON: at, who, action, requestId, detail; hashed as it is"
            },
            "prevHash": {
              "type": "string"
            },
            "hash": {
              "type": "string",
              "description": "SHA-256 (hex) of prevHash followed by body"
            }
          }
        }
      }
    }
  },
  "AuditQuery": {
    "type": "object",
    "properties": {
      "after": {
        "type": "string",
        "pattern": "^[0-9]{1,15}$"
      },
      "limit": {
        "type": "string",
        "pattern": "^[0-9]{1,5}$"
      }
    },
    "additionalProperties": false
  },
  "FieldProblem": {
    "type": "object",
    "required": [
      "field",
      "reason"
    ],
    "properties": {
      "field": {
        "type": "string"
      },
      "reason": {
        "type": "string"
      }
    }
  },
  "IdParams": {
    "type": "object",
    "required": [
      "id"
    ],
    "properties": {
      "id": {
        "type": "string"
      }
    }
  },
  "ItemErrorBody": {
    "type": "object",
    "required": [
      "code",
      "message"
    ],
    "properties": {
      "code": {
        "type": "string"
      },
      "message": {
        "type": "string"
      },
      "fields": {
        "type": "array",
        "items": {
          "type": "object",
          "required": [
            "field",
            "reason"
          ],
          "properties": {
            "field": {
              "type": "string"
            },
            "reason": {
              "type": "string"
            }
          }
        }
      }
    },
    "additionalProperties": true
  }
};
